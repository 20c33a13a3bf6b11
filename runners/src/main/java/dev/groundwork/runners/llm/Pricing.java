package dev.groundwork.runners.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a call costs: US dollars per million input and output tokens per model, from the bundled table
 * ({@code groundwork/prompts/pricing.yaml}) with the user's own file over it. A model is found by its exact name, an
 * alias, or the longest priced name it starts with (then {@code -}, {@code :} or {@code @}); one found nowhere costs 0.
 */
public final class Pricing {

    public static final String BUNDLED = "groundwork/prompts/pricing.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(Pricing.class);

    /** Dollars per million tokens. */
    public record Price(double input, double output) {
        public double cost(long tokensIn, long tokensOut) {
            return (tokensIn * input + tokensOut * output) / 1_000_000.0;
        }
    }

    private final Map<LlmProvider, Map<String, Price>> prices;
    private final Map<LlmProvider, Map<String, String>> aliases;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private Pricing(Map<LlmProvider, Map<String, Price>> prices, Map<LlmProvider, Map<String, String>> aliases) {
        this.prices = prices;
        this.aliases = aliases;
    }

    /** The bundled table. */
    public static Pricing bundled() {
        return load(Optional.empty());
    }

    /**
     * The bundled table with the user's file over it, model by model.
     *
     * @throws IllegalArgumentException the user's file is unreadable or malformed (a sentence naming it)
     */
    public static Pricing load(Optional<Path> userFile) {
        Map<LlmProvider, Map<String, Price>> prices = new EnumMap<>(LlmProvider.class);
        Map<LlmProvider, Map<String, String>> aliases = new EnumMap<>(LlmProvider.class);
        for (LlmProvider provider : LlmProvider.values()) {
            prices.put(provider, new HashMap<>());
            aliases.put(provider, new HashMap<>());
        }
        try (InputStream in = Pricing.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the class path");
            }
            merge(yaml().readTree(in), BUNDLED, prices, aliases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (userFile.isPresent()) {
            Path file = userFile.get();
            JsonNode root;
            try {
                root = yaml().readTree(Files.readString(file));
            } catch (IOException e) {
                throw new IllegalArgumentException("the pricing file " + file + " cannot be read ("
                        + firstLine(e.getMessage()) + "); fix it, or leave it out to use the bundled prices.");
            }
            merge(root, file.toString(), prices, aliases);
        }
        prices.replaceAll((provider, table) -> Map.copyOf(table));
        aliases.replaceAll((provider, table) -> Map.copyOf(table));
        return new Pricing(Collections.unmodifiableMap(prices), Collections.unmodifiableMap(aliases));
    }

    /** The price of a model, if the table knows it. */
    public Optional<Price> price(LlmProvider provider, String model) {
        Map<String, Price> table = prices.get(provider);
        String name = model.toLowerCase(Locale.ROOT).strip();
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        name = aliases.get(provider).getOrDefault(name, name);
        Price exact = table.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String priced : table.keySet()) {
            if (name.length() > priced.length() && name.startsWith(priced)
                    && "-:@".indexOf(name.charAt(priced.length())) >= 0
                    && (best == null || priced.length() > best.length())) {
                best = priced;
            }
        }
        return Optional.ofNullable(best).map(table::get);
    }

    /** What the tokens cost in dollars; 0 for a model the table does not know (logged once per model). */
    public double cost(LlmProvider provider, String model, long tokensIn, long tokensOut) {
        Optional<Price> price = price(provider, model);
        if (price.isEmpty()) {
            if (warned.add(provider.wireName() + ":" + model)) {
                LOG.info("No price for {}:{} in the pricing table; its calls are recorded at cost 0.",
                        provider.wireName(), model);
            }
            return 0;
        }
        return price.get().cost(tokensIn, tokensOut);
    }

    private static void merge(JsonNode root, String source, Map<LlmProvider, Map<String, Price>> prices,
                              Map<LlmProvider, Map<String, String>> aliases) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            return;
        }
        if (!root.isObject()) {
            throw bad(source, "the top level must map openai, anthropic and aliases");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals("aliases")) {
                mergeAliases(entry.getValue(), source, aliases);
                continue;
            }
            LlmProvider provider = provider(entry.getKey(), source);
            JsonNode models = entry.getValue();
            if (models.isNull()) {
                continue;
            }
            if (!models.isObject()) {
                throw bad(source, entry.getKey() + " must map model names to { input: N, output: N }");
            }
            for (Iterator<Map.Entry<String, JsonNode>> m = models.fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> model = m.next();
                String where = entry.getKey() + "." + model.getKey();
                JsonNode price = model.getValue();
                if (!price.isObject()) {
                    throw bad(source, where + " must be { input: N, output: N }");
                }
                prices.get(provider).put(model.getKey().toLowerCase(Locale.ROOT),
                        new Price(dollars(price, "input", where, source), dollars(price, "output", where, source)));
            }
        }
    }

    private static void mergeAliases(JsonNode node, String source, Map<LlmProvider, Map<String, String>> aliases) {
        if (node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw bad(source, "aliases must map a provider to { alias: model }");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            LlmProvider provider = provider(entry.getKey(), source);
            if (!entry.getValue().isObject()) {
                throw bad(source, "aliases." + entry.getKey() + " must map alias names to model names");
            }
            for (Iterator<Map.Entry<String, JsonNode>> a = entry.getValue().fields(); a.hasNext(); ) {
                Map.Entry<String, JsonNode> alias = a.next();
                if (!alias.getValue().isTextual()) {
                    throw bad(source, "aliases." + entry.getKey() + "." + alias.getKey() + " must be a model name");
                }
                aliases.get(provider).put(alias.getKey().toLowerCase(Locale.ROOT),
                        alias.getValue().asText().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static LlmProvider provider(String name, String source) {
        try {
            return LlmProvider.fromWire(name);
        } catch (IllegalArgumentException e) {
            throw bad(source, name + " is not a provider; use openai, anthropic or aliases");
        }
    }

    private static double dollars(JsonNode price, String field, String where, String source) {
        JsonNode value = price.get(field);
        if (value == null || !value.isNumber() || value.asDouble() < 0) {
            throw bad(source, where + "." + field + " must be a number of dollars per million tokens, at least 0");
        }
        return value.asDouble();
    }

    private static IllegalArgumentException bad(String source, String what) {
        return new IllegalArgumentException("the pricing file " + source + ": " + what + ".");
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory());
    }

    private static String firstLine(String text) {
        return text == null ? "unreadable" : text.strip().lines().findFirst().orElse("unreadable");
    }
}
