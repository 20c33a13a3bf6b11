package dev.groundwork.bench;

import dev.groundwork.app.Main;

/**
 * The source tree's command line for developing Groundwork: the product's own, with {@code bench …} and {@code dev …}
 * beside its commands. The launcher runs it for {@code ./groundwork bench …} and {@code ./groundwork dev …}.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) {
        System.exit(Main.run(args, new WorkshopCommands()));
    }
}
