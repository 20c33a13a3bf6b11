package dev.groundwork.app.cli;

import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.spec.SpecException;
import dev.groundwork.model.spec.SpecLoader;
import dev.groundwork.model.spec.StudySpec;
import dev.groundwork.runners.docker.DebianRootfs;
import dev.groundwork.runners.docker.ImageBuildException;
import dev.groundwork.runners.docker.ImageLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `groundwork image build`: a study's image where no registry is reachable. */
@Command(name = "image", mixinStandardHelpOptions = true, description = "The images a study's runs use on Docker hosts.")
public final class ImageCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError(ExitCodes.USAGE, "Name what to do: groundwork image build DIR [--host NAME].");
    }

    @Command(name = "build", mixinStandardHelpOptions = true, description = {
        "Build the image the study's run.image names (a minimal Debian with Python 3 and numpy from the distribution's",
        "packages, by debootstrap: needs root and the Debian mirror, no registry), cache it, and load it on Docker hosts."})
    public static final class Build implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Option(names = "--host", paramLabel = "NAME",
                description = "A Docker host to load the image on (repeatable; default: every Docker host of the settings).")
        List<String> hostNames = new ArrayList<>();

        @Option(names = "--mirror", paramLabel = "URL",
                description = "The Debian mirror to build from (default: the one apt uses on this machine).")
        String mirror;

        @Option(names = "--rebuild", description = "Build the root file system again instead of using the cached one.")
        boolean rebuild;

        private final Path cacheDir;
        private final ImageLoader loader;
        private final Supplier<List<HostConfig>> hosts;
        private final CliPrinter printer;

        /**
         * @param cacheDir where the root file system tarball is kept (the user's cache folder)
         * @param hosts    the hosts of the user's settings
         */
        public Build(Path cacheDir, ImageLoader loader, Supplier<List<HostConfig>> hosts, CliPrinter printer) {
            this.cacheDir = cacheDir;
            this.loader = loader;
            this.hosts = hosts;
            this.printer = printer;
        }

        @Override
        public Integer call() {
            String image = image();
            List<HostConfig> targets = targets();
            DebianRootfs recipe = mirror == null ? DebianRootfs.ofThisMachine()
                    : DebianRootfs.ofThisMachine().withMirror(mirror);
            try {
                Path tarball = recipe.tarball(cacheDir, rebuild, printer::note);
                for (HostConfig host : targets) {
                    printer.note("Loading " + image + " onto " + host.name() + " (" + host.endpoint().orElse("") + ")…");
                    String id = loader.load(tarball, image, host);
                    printer.result("Image " + image + " is on " + host.name() + " (" + id + ").");
                }
                if (targets.isEmpty()) {
                    printer.result("Built " + tarball + "; no Docker host is in the settings to load it on: add one"
                            + " (groundwork hosts add NAME unix:///var/run/docker.sock) and run this again.");
                }
            } catch (ImageBuildException e) {
                throw new UserError(ExitCodes.FAILURE, e.getMessage(), e);
            }
            return ExitCodes.OK;
        }

        private String image() {
            StudySpec spec;
            try {
                spec = SpecLoader.loadStudy(dir.toAbsolutePath());
            } catch (SpecException e) {
                throw new UserError(ExitCodes.USAGE, e.getMessage(), e);
            }
            return spec.run().image().orElseThrow(() -> new UserError(ExitCodes.USAGE, dir.resolve("groundwork.yaml")
                    + " names no run.image: add one (e.g. image: groundwork/charlm:py3-numpy) and run this again."));
        }

        private List<HostConfig> targets() {
            List<HostConfig> docker = hosts.get().stream().filter(host -> host.kind() == HostConfig.Kind.DOCKER).toList();
            if (hostNames.isEmpty()) {
                return docker;
            }
            List<HostConfig> chosen = new ArrayList<>();
            for (String name : hostNames) {
                chosen.add(docker.stream().filter(host -> host.name().equals(name)).findFirst()
                        .orElseThrow(() -> new UserError(ExitCodes.USAGE, "No Docker host is named " + name + "; the"
                                + " settings have " + (docker.isEmpty() ? "none"
                                : docker.stream().map(HostConfig::name).collect(Collectors.joining(", "))) + ".")));
            }
            return chosen;
        }
    }
}
