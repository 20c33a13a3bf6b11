package dev.groundwork.model.run;

/** A run to queue: the patch (null for the baseline), its idea and epoch, and the command it will run. */
public record NewRun(Long patchId, Long ideaId, int epoch, Reproducibility reproducibility) {
    public NewRun {
        reproducibility = reproducibility == null ? Reproducibility.none() : reproducibility;
        if (patchId != null && ideaId == null) {
            throw new IllegalArgumentException("A run of a patch must name the patch's idea.");
        }
    }
}
