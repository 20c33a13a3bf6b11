package dev.groundwork.app.loop;

import dev.groundwork.model.spec.AgentRef;
import dev.groundwork.model.spec.AgentsSpec;
import java.net.URI;
import java.util.Optional;

/** The agents of one `groundwork run`: the spec's, unless the command line names others or another base URL. */
public record AgentChoice(Optional<AgentRef> ideator, Optional<AgentRef> implementer, Optional<URI> baseUrl) {

    public static final AgentChoice FROM_SPEC = new AgentChoice(Optional.empty(), Optional.empty(), Optional.empty());

    AgentRef ideatorOr(AgentsSpec spec) {
        return ideator.orElse(spec.ideator());
    }

    AgentRef implementerOr(AgentsSpec spec) {
        return implementer.orElse(spec.implementer());
    }
}
