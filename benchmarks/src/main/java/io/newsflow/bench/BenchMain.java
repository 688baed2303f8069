package io.newsflow.bench;

/** Prints the machine, runs JMH with the given arguments, prints the machine again (load may change). */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(Machine.describe());
        try {
            org.openjdk.jmh.Main.main(args);
        } finally {
            System.out.println(Machine.describe());
        }
    }
}
