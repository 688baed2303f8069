package io.newsflow.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;

/**
 * One docker-compose project over the repository's docker-compose.yml, driven through the compose command line
 * users run (Debian's docker-compose 1.29 or the `docker compose` plugin), with Testcontainers' Docker client for
 * what the command line answers only as text (container state, health, addresses) and for the hard kill.
 */
final class ComposeProject implements AutoCloseable {

    private final List<String> command;
    private final Path composeFile;
    private final String name;
    private final Map<String, String> environment;
    private final DockerClient docker;
    private final Path logDir;

    ComposeProject(List<String> command, Path composeFile, String name, Map<String, String> environment,
            DockerClient docker, Path logDir) {
        this.command = List.copyOf(command);
        this.composeFile = composeFile;
        this.name = name;
        this.environment = Map.copyOf(environment);
        this.docker = docker;
        this.logDir = logDir;
    }

    /** The compose command available here: docker-compose (v1) or the docker compose plugin, else null. */
    static List<String> findComposeCommand() {
        for (List<String> candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                Process p = new ProcessBuilder(version).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return null;
    }

    String name() {
        return name;
    }

    /** Runs `compose ARGS...` for this project, failing with the command's output when it fails. */
    String run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("--project-name", name, "--file", composeFile.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(composeFile.getParent().toFile()).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Path out = Files.createTempFile(logDir, "compose-", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " timed out after " + timeout + ":\n" + tail(out));
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + output);
        }
        return output;
    }

    /** This project's containers of one service (running or not), in instance-number order. */
    List<Container> containers(String service) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("com.docker.compose.project", name, "com.docker.compose.service", service))
                .exec().stream()
                .sorted(Comparator.comparing(c -> c.getLabels().getOrDefault("com.docker.compose.container-number", "")))
                .toList();
    }

    InspectContainerResponse inspect(String containerId) {
        return docker.inspectContainerCmd(containerId).exec();
    }

    /** Health of a container as Docker reports it from the image's HEALTHCHECK: healthy, starting, unhealthy. */
    String health(String containerId) {
        InspectContainerResponse.ContainerState state = inspect(containerId).getState();
        if (!Boolean.TRUE.equals(state.getRunning())) {
            return "not running (" + state.getStatus() + ")";
        }
        return state.getHealth() == null ? "no healthcheck" : state.getHealth().getStatus();
    }

    /** The container's address on the project's network (what a Kafka consumer-group member shows as its host). */
    String address(String containerId) {
        return inspect(containerId).getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
    }

    /** A hard stop: SIGKILL, no shutdown hooks, no consumer-group leave request. */
    void kill(String containerId) {
        docker.killContainerCmd(containerId).withSignal("KILL").exec();
    }

    /** Saves every service's log under the log folder (for a failed run). */
    void saveLogs() {
        try {
            Files.writeString(logDir.resolve(name + ".log"), run(Duration.ofSeconds(60), "logs", "--no-color"));
        } catch (Exception e) {
            System.err.println("could not save the compose logs: " + e);
        }
    }

    /** Removes the project's containers, networks and volumes (images stay: they are the build cache). */
    @Override
    public void close() {
        try {
            run(Duration.ofSeconds(180), "down", "--volumes", "--remove-orphans", "--timeout", "10");
        } catch (Exception e) {
            System.err.println("docker-compose down failed for project " + name + ": " + e.getMessage());
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
