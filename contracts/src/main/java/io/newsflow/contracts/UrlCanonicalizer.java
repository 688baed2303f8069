package io.newsflow.contracts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Canonical form of an article URL, so that the same article reached through tracking links, AMP or mobile
 * variants, default ports, fragments or a trailing slash gets one identity.
 * <ul>
 * <li>scheme and host lower-cased; {@code www.}, {@code m.}, {@code mobile.} and {@code amp.} host prefixes
 * folded; default ports dropped; fragment dropped;</li>
 * <li>tracking parameters removed (utm_*, fbclid, gclid, ...), remaining parameters sorted;</li>
 * <li>AMP paths folded ({@code /amp}, {@code /amp/}, {@code .amp}, {@code amp=1}), trailing slash removed.</li>
 * </ul>
 * {@link #identityKey(String)} additionally ignores the scheme (http and https copies are one article).
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING_PARAMS = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
            "ref_src", "ref_url", "cmpid", "ocid", "ncid", "sr_share", "share", "amp", "outputtype", "__twitter_impression",
            "s_cid", "wt.mc_id", "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4",
            "smid", "smtyp", "spm", "mkt_tok", "oly_anon_id", "oly_enc_id", "rss", "feed");
    private static final Pattern TRACKING_PREFIX = Pattern.compile("^(utm_|pk_|mtm_|hsa_|vero_).*");
    private static final Pattern HOST_VARIANT_PREFIX = Pattern.compile("^(www\\d?|m|mobile|amp)\\.");
    private static final Pattern AMP_SUFFIX = Pattern.compile("(/amp|\\.amp)$");
    private static final Pattern SESSION_ID = Pattern.compile(";jsessionid=[^/?#]*", Pattern.CASE_INSENSITIVE);

    private UrlCanonicalizer() {
    }

    /**
     * The canonical URL, or empty when {@code url} is blank or not an absolute http(s) URL.
     */
    public static Optional<String> canonicalize(String url) {
        return parse(url).map(p -> p.scheme + "://" + p.rest());
    }

    /** The scheme-less identity of a URL (host + path + query), or empty when it is not a valid URL. */
    public static Optional<String> identityKey(String url) {
        return parse(url).map(Parsed::rest);
    }

    /** True when {@code url} is an absolute http(s) URL with a host. */
    public static boolean isValid(String url) {
        return parse(url).isPresent();
    }

    private record Parsed(String scheme, String host, int port, String path, String query) {
        String rest() {
            StringBuilder sb = new StringBuilder(host);
            if (port > 0) {
                sb.append(':').append(port);
            }
            sb.append(path);
            if (!query.isEmpty()) {
                sb.append('?').append(query);
            }
            return sb.toString();
        }
    }

    private static Optional<Parsed> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.trim()).normalize();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        host = HOST_VARIANT_PREFIX.matcher(host).replaceFirst("");
        int port = uri.getPort();
        if (port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme)) {
            port = -1;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = SESSION_ID.matcher(path).replaceAll("");
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        path = AMP_SUFFIX.matcher(path).replaceFirst("");
        return Optional.of(new Parsed(scheme, host, port, path, cleanQuery(uri.getRawQuery())));
    }

    private static String cleanQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (TRACKING_PARAMS.contains(name) || TRACKING_PREFIX.matcher(name).matches()) {
                continue;
            }
            kept.add(pair);
        }
        kept.sort(null);
        return String.join("&", kept);
    }
}
