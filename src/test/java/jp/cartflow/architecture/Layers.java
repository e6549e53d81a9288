package jp.cartflow.architecture;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docs/architecture/layers.yaml, the one description of rooms, arrows and table owners. */
record Layers(Map<String, List<String>> rooms, List<String> engineAllowed, Map<String, String> tableOwners,
              Map<String, String> viewOwners, Map<String, String> sharedWrites, int publicTargetPercent,
              int publicCeilingPercent) {

    static final Path FILE = Path.of("docs/architecture/layers.yaml");

    @SuppressWarnings("unchecked")
    static Layers load() {
        try (Reader in = Files.newBufferedReader(FILE)) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, List<String>> rooms = (Map<String, List<String>>) yaml.get("rooms");
            Map<String, String> tables = new LinkedHashMap<>();
            Map<String, String> views = new LinkedHashMap<>();
            ((Map<String, Map<String, List<String>>>) yaml.get("tables")).forEach((room, owned) -> {
                owned.getOrDefault("tables", List.of()).forEach(t -> tables.put(t, room));
                owned.getOrDefault("views", List.of()).forEach(v -> views.put(v, room));
            });
            Map<String, String> shared = new LinkedHashMap<>();
            for (Map<String, String> w : (List<Map<String, String>>) yaml.getOrDefault("sharedWrites", List.of())) {
                shared.put(w.get("table") + "@" + w.get("room"), w.get("reason"));
            }
            Map<String, Integer> pub = (Map<String, Integer>) yaml.get("publicTypes");
            return new Layers(rooms, (List<String>) yaml.get("engineAllowed"), tables, views, shared,
                    pub.get("targetPercent"), pub.get("ceilingPercent"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE, e);
        }
    }

    /** The room of a class or package name (the first segment below jp.cartflow), or null. */
    static String roomOf(String name) {
        if (!name.startsWith("jp.cartflow.")) {
            return null;
        }
        String rest = name.substring("jp.cartflow.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? null : rest.substring(0, dot);
    }
}
