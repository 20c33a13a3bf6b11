package dev.groundwork.model.dispatch;

import java.nio.file.Path;
import java.util.List;

/** A second process for {@link FileGpuLeasesTest}: takes GPU 1 of host "box" and holds it until its stdin closes. */
public final class LeaseHolder {

    private LeaseHolder() {}

    public static void main(String[] args) throws Exception {
        var lease = new FileGpuLeases(Path.of(args[0])).tryAcquire("box", List.of(1), "the other Groundwork");
        System.out.println(lease.isPresent() ? "held" : "refused");
        System.out.flush();
        System.in.read(); // until the test closes our stdin
        lease.ifPresent(GpuLeases.Lease::close);
    }
}
