package io.tasker.registry;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.tasker.errors.FieldError;
import io.tasker.json.JsonDocuments;
import io.tasker.template.TaskTemplate;
import io.tasker.template.TemplateException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema a task's context must satisfy, with standard semantics: {@code required} means
 * required, {@code additionalProperties} decides extra keys, and no default is invented. Draft 2020-12 unless the
 * schema names another draft in {@code $schema}. Each violation is reported at the JSON pointer of the offending
 * field under {@code /context}.
 */
public final class ContextSchema {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;

    private ContextSchema(Schema schema) {
        this.schema = schema;
    }

    /**
     * The compiled schema of the template's tasks' context, if it declares one.
     *
     * @throws TemplateException naming the template when its schema is not a valid JSON Schema
     */
    public static Optional<ContextSchema> of(TaskTemplate template) {
        try {
            return template.contextSchema().map(ContextSchema::compile);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(template.source(), e.getMessage());
        }
    }

    /**
     * Compiles a schema, first checking it against its draft's meta-schema.
     *
     * @throws IllegalArgumentException describing each way the schema itself is invalid
     */
    public static ContextSchema compile(Map<String, Object> schemaDocument) {
        String json = JsonDocuments.write(schemaDocument);
        String dialect = schemaDocument.get("$schema") instanceof String declared
                ? declared : SpecificationVersion.DRAFT_2020_12.getDialectId();
        Schema metaSchema;
        try {
            metaSchema = SCHEMAS.getSchema(SchemaLocation.of(dialect));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("schema: unknown $schema '" + dialect + "'", e);
        }
        List<Error> problems = metaSchema.validate(json, InputFormat.JSON);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("schema is not a valid JSON Schema: " + problems.stream()
                    .map(problem -> pointer("/schema", problem.getInstanceLocation()) + " " + problem.getMessage())
                    .toList());
        }
        Schema compiled = SCHEMAS.getSchema(json, InputFormat.JSON);
        compiled.initializeValidators();
        return new ContextSchema(compiled);
    }

    /** The violations of the schema by this context, each at its field's pointer; empty when it is valid. */
    public List<FieldError> violations(Map<String, Object> context) {
        return violations(context, "/context");
    }

    /** The violations of the schema by a document, each at its field's pointer under {@code root}. */
    public List<FieldError> violations(Map<String, Object> document, String root) {
        return schema.validate(JsonDocuments.write(document), InputFormat.JSON).stream()
                .map(error -> fieldError(root, error))
                .toList();
    }

    private static FieldError fieldError(String root, Error error) {
        String location = pointer(root, error.getInstanceLocation());
        // A missing required property is reported on its parent object; name the property itself.
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            location = location + "/" + escape(error.getProperty());
        }
        return new FieldError(location, error.getMessage());
    }

    private static String pointer(String root, NodePath path) {
        StringBuilder pointer = new StringBuilder(root);
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
