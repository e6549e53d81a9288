package jp.cartflow.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per table (docs/architecture/layers.yaml): scans the SQL in src/main/java and fails when a table is
 * written by more than one top-level package, or read outside its owner other than through a view the owner
 * publishes. Reading through the owner's Java API needs no SQL, so it is what remains allowed.
 */
@DisplayName("Architecture: one owner per table")
class TableOwnershipTest {

    private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+([a-z][a-z0-9_]*)\\b");
    private static final Pattern READ = Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z][a-z0-9_]*)\\b");
    private static final Pattern CREATED = Pattern.compile("CREATE\\s+(?:TABLE|VIEW)\\s+([a-z][a-z0-9_]*)");

    private static Layers layers;
    /** table → room → files, for writes and reads. */
    private static final Map<String, Map<String, Set<String>>> writes = new TreeMap<>();
    private static final Map<String, Map<String, Set<String>>> reads = new TreeMap<>();

    @BeforeAll
    static void scan() throws IOException {
        layers = Layers.load();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/jp/cartflow"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String room = Layers.roomOf(file.toString().replace('/', '.').replace('\\', '.')
                        .replaceFirst("^src\\.main\\.java\\.", ""));
                String text = Files.readString(file);
                collect(WRITE, text, room, file, writes);
                collect(READ, text, room, file, reads);
            }
        }
    }

    private static void collect(Pattern pattern, String text, String room, Path file,
                                Map<String, Map<String, Set<String>>> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String table = m.group(1);
            if (table.startsWith("act_")) {
                continue; // the engine's own tables
            }
            into.computeIfAbsent(table, t -> new TreeMap<>()).computeIfAbsent(room, r -> new TreeSet<>())
                    .add(file.getFileName().toString());
        }
    }

    @Test
    @DisplayName("every table and view of the migrations has an owner, and the SQL names no unknown table")
    void everyTableOwned() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.toList()) {
                Matcher m = CREATED.matcher(Files.readString(f));
                while (m.find()) {
                    created.add(m.group(1));
                }
            }
        }
        Set<String> declared = new TreeSet<>(layers.tableOwners().keySet());
        declared.addAll(layers.viewOwners().keySet());
        assertThat(declared).as("tables and views in layers.yaml").containsAll(created);
        Set<String> named = new TreeSet<>(writes.keySet());
        named.addAll(reads.keySet());
        assertThat(declared).as("tables named in SQL of src/main").containsAll(named);
    }

    @Test
    @DisplayName("no table is written by a room other than its owner (except the explained sharedWrites)")
    void oneWriter() {
        Set<String> violations = new TreeSet<>();
        writes.forEach((table, byRoom) -> byRoom.forEach((room, files) -> {
            String owner = layers.tableOwners().get(table);
            if (layers.viewOwners().containsKey(table)) {
                violations.add(table + " is a read-only view, written by " + room + " " + files);
            } else if (!room.equals(owner) && !layers.sharedWrites().containsKey(table + "@" + room)) {
                violations.add(table + " (owner " + owner + ") written by " + room + " " + files);
            }
        }));
        assertThat(violations).isEmpty();
    }

    @Test
    @DisplayName("a table is read outside its owner only through a view the owner publishes")
    void readsThroughOwner() {
        Set<String> violations = new TreeSet<>();
        reads.forEach((table, byRoom) -> byRoom.forEach((room, files) -> {
            if (layers.viewOwners().containsKey(table)) {
                return;
            }
            String owner = layers.tableOwners().get(table);
            if (!room.equals(owner) && !layers.sharedWrites().containsKey(table + "@" + room)) {
                violations.add(table + " (owner " + owner + ") read by " + room + " " + files);
            }
        }));
        assertThat(violations).isEmpty();
    }
}
