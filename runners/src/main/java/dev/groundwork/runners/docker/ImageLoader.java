package dev.groundwork.runners.docker;

import dev.groundwork.model.execution.HostConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts a root file system tarball on a Docker host as an image with a given tag ({@code docker import}: the daemon
 * unpacks the gzipped tar itself, so a remote host receives the compressed bytes). The image gets no command or
 * environment of its own: the daemon gives its containers the standard PATH, and the run's container sets the rest.
 */
public final class ImageLoader {

    private final DockerClients clients;

    public ImageLoader(DockerClients clients) {
        this.clients = clients;
    }

    /** Imports {@code tarball} as {@code image} on {@code host}; returns the image's id ({@code sha256:…}). */
    public String load(Path tarball, String image, HostConfig host) throws ImageBuildException {
        DockerConnection docker;
        try {
            docker = clients.connect(host);
        } catch (DockerUnavailable e) {
            throw new ImageBuildException(e.getMessage(), e);
        }
        Reference reference = Reference.of(image);
        try (InputStream in = Files.newInputStream(tarball)) {
            docker.importImage(in, reference.repository(), reference.tag());
            return docker.commands().inspectImageCmd(image).exec().getId();
        } catch (IOException e) {
            throw new ImageBuildException("Cannot read " + tarball + " (" + e.getMessage() + "): build it again with"
                    + " --rebuild.", e);
        } catch (RuntimeException e) {
            throw new ImageBuildException(DockerFailures.unreachable(e) ? docker.unreachableSentence(e)
                    : "Host " + host.name() + " refused the image (" + DockerFailures.daemonMessage(e) + ").", e);
        }
    }

    /** An image name split as the daemon's import wants it: a repository and a tag (latest when none is written). */
    record Reference(String repository, String tag) {
        static Reference of(String image) {
            int colon = image.lastIndexOf(':');
            if (colon > image.lastIndexOf('/') && colon > 0) {
                return new Reference(image.substring(0, colon), image.substring(colon + 1));
            }
            return new Reference(image, "latest");
        }
    }
}
