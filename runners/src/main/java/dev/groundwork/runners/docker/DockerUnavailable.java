package dev.groundwork.runners.docker;

/** A Docker daemon that cannot be used now (unreachable, refused our certificate, too old); the message says what to check. */
public final class DockerUnavailable extends Exception {

    public DockerUnavailable(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
