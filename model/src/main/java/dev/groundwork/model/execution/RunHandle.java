package dev.groundwork.model.execution;

/** A started run. */
public interface RunHandle {

    /** The process id or container id, recorded so that a later Groundwork can find it. */
    String id();

    /** Stops the run (its whole process tree); its exit is then reported as cancelled. */
    void cancel();

    /** What the host knows that reproducing the run needs (the image's digest, the GPU model); empty parts unknown. */
    default HostFacts facts() {
        return HostFacts.NONE;
    }

    /**
     * @param imageDigest the image's content digest ({@code sha256:…}), or null for a local process
     * @param gpuModel    the model of the run's GPUs as the host names it, or null when unknown or none
     */
    record HostFacts(String imageDigest, String gpuModel) {
        public static final HostFacts NONE = new HostFacts(null, null);
    }
}
