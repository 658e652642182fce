package org.openoqs.server.api;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/openapi.yaml for the tests: its text, its tree, its operations, and JSON-schema validation of values against
 * the schemas it documents (networknt json-schema-validator, OpenAPI 3.1 dialect — the document's own {@code $ref}s
 * are resolved inside it).
 */
final class OpenApiDocument {

    /** The document's own address for the validator; never fetched (the text is registered under it). */
    private static final String ID = "https://openoqs.invalid/docs/openapi.yaml";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final String text;
    private final JsonNode tree;
    private final SchemaRegistry schemas;

    private OpenApiDocument(String text) {
        this.text = text;
        this.tree = YAMLMapper.builder().build().readTree(text);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(ID, text)));
    }

    static OpenApiDocument load() {
        try {
            return new OpenApiDocument(Files.readString(file(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docs/openapi.yaml of the checkout, found above the module directory. */
    static Path file() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        for (Path p = module.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/openapi.yaml"))) {
                return p.resolve("docs/openapi.yaml");
            }
        }
        throw new AssertionError("docs/openapi.yaml not found above " + module.toAbsolutePath());
    }

    String text() {
        return text;
    }

    JsonNode tree() {
        return tree;
    }

    /** One operation of the document: method (upper case), path template and its node. */
    record Operation(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : tree.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                            op.getValue()));
                }
            }
        }
        return operations;
    }

    Operation operation(String method, String path) {
        return operations().stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("not in docs/openapi.yaml: " + method + " " + path));
    }

    /** Follows a local {@code $ref} ({@code #/components/...}) if the node is one. */
    JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = tree.at(current.get("$ref").asString().substring(1));
        }
        return current;
    }

    /** The validator for the schema at a JSON pointer into the document (e.g. {@code /components/schemas/ApiError}). */
    Schema schemaAt(String pointer) {
        return schemas.getSchema(SchemaLocation.of(ID + "#" + pointer));
    }

    /** The JSON pointer of the schema of a response's media type ({@code status} as in the document, e.g. "200"). */
    String responseSchemaPointer(Operation op, String status, String mediaType) {
        JsonNode response = op.node().path("responses").path(status);
        String base = "/paths/" + escape(op.path()) + "/" + op.method().toLowerCase(java.util.Locale.ROOT)
                + "/responses/" + status;
        if (response.has("$ref")) {
            base = response.get("$ref").asString().substring(1);
            response = deref(response);
        }
        if (!response.path("content").has(mediaType)) {
            throw new AssertionError(op + " documents no " + mediaType + " for " + status);
        }
        return base + "/content/" + escape(mediaType) + "/schema";
    }

    List<Error> validate(String schemaPointer, JsonNode value) {
        return schemaAt(schemaPointer).validate(value);
    }

    static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }
}
