package io.tasker.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateParserTest {

    private static final String HANDLER = "io.tasker.template.FakeHandler";

    private final TemplateParser parser = new TemplateParser("production",
            name -> Optional.ofNullable(Map.of("API_HOST", "api.example.com").get(name)));

    @Test
    void readsEveryKeyOfATemplate() {
        TaskTemplate template = parser.parse("order.yaml", """
                name: process_order
                namespace_name: ecommerce
                version: "1.2.3"
                description: Takes an order from cart to confirmation
                default_dependent_system: shop
                named_steps: [validate_cart, charge, confirm]
                schema:
                  type: object
                  required: [cart_id]
                custom_events:
                  - name: order.flagged
                    description: A reviewer must look at the order
                step_templates:
                  - name: validate_cart
                    handler_class: %1$s
                  - name: charge
                    description: Charge the card
                    handler_class: %1$s
                    depends_on_step: validate_cart
                    default_retryable: false
                    default_retry_limit: 5
                    dependent_system: payments
                    handler_config:
                      url: https://${API_HOST}/charge
                      timeout: 3
                  - name: confirm
                    handler_class: %1$s
                    depends_on_steps: [charge, validate_cart]
                    skippable: true
                    custom_events:
                      - name: order.confirmed
                """.formatted(HANDLER));

        assertEquals("ecommerce.process_order@1.2.3", template.fullName());
        assertEquals("Takes an order from cart to confirmation", template.description());
        assertEquals(List.of("cart_id"), template.contextSchema().orElseThrow().get("required"));
        assertEquals("order.flagged", template.customEvents().get(0).name());

        StepTemplate validate = template.step("validate_cart").orElseThrow();
        assertEquals("validate_cart", validate.description());
        assertEquals("shop", validate.dependentSystem());
        assertTrue(validate.retryable());
        assertEquals(3, validate.retryLimit());
        assertFalse(validate.skippable());

        StepTemplate charge = template.step("charge").orElseThrow();
        assertEquals(List.of("validate_cart"), charge.dependsOn());
        assertFalse(charge.retryable());
        assertEquals(5, charge.retryLimit());
        assertEquals("payments", charge.dependentSystem());
        assertEquals("https://api.example.com/charge", charge.handlerConfig().get("url"));
        assertEquals(new BigDecimal("3"), charge.handlerConfig().get("timeout"));

        StepTemplate confirm = template.step("confirm").orElseThrow();
        assertEquals(List.of("charge", "validate_cart"), confirm.dependsOn());
        assertTrue(confirm.skippable());
        assertEquals("order.confirmed", confirm.customEvents().get(0).name());
    }

    @Test
    void appliesDefaultsOfTheOriginal() {
        TaskTemplate template = parser.parse("minimal.yaml", """
                name: minimal
                step_templates:
                  - name: only
                    handler_class: %s
                """.formatted(HANDLER));

        assertEquals("default", template.namespace());
        assertEquals(SemanticVersion.DEFAULT, template.version());
        assertEquals("unknown", template.steps().get(0).dependentSystem());
        assertTrue(template.contextSchema().isEmpty());
        assertNull(template.description());
    }

    @Test
    void mergesTheActiveEnvironmentByStepName() {
        TaskTemplate template = parser.parse("env.yaml", """
                name: with_environments
                step_templates:
                  - name: call
                    handler_class: %s
                    handler_config:
                      url: http://localhost
                      retries: 1
                environments:
                  production:
                    description: production flavour
                    step_templates:
                      - name: call
                        default_retry_limit: 7
                        handler_config:
                          url: https://${API_HOST}
                  development:
                    step_templates:
                      - name: call
                        handler_config:
                          url: ${MISSING_IN_PRODUCTION}
                """.formatted(HANDLER));

        StepTemplate call = template.steps().get(0);
        assertEquals("production flavour", template.description());
        assertEquals(7, call.retryLimit());
        assertEquals("https://api.example.com", call.handlerConfig().get("url"));
        assertEquals(new BigDecimal("1"), call.handlerConfig().get("retries"));
    }

    @Test
    void expandsPlaceholderDefaultsAndRejectsMissingValues() {
        String yaml = """
                name: placeholders
                step_templates:
                  - name: call
                    handler_class: %s
                    handler_config:
                      region: ${REGION:eu-west-1}
                      token: ${API_TOKEN}
                """.formatted(HANDLER);

        TemplateException error = assertThrows(TemplateException.class, () -> parser.parse("p.yaml", yaml));
        assertTrue(error.getMessage().contains("p.yaml"), error.getMessage());
        assertTrue(error.getMessage().contains("${API_TOKEN}"), error.getMessage());

        TaskTemplate template = new TemplateParser("production", name -> Optional.of("secret").filter(
                value -> name.equals("API_TOKEN"))).parse("p.yaml", yaml);
        assertEquals("eu-west-1", template.steps().get(0).handlerConfig().get("region"));
        assertEquals("secret", template.steps().get(0).handlerConfig().get("token"));
    }

    @Test
    void rejectsACycleNamingTheStep() {
        TemplateException error = rejected("""
                name: cyclic
                step_templates:
                  - name: a
                    handler_class: %1$s
                    depends_on_step: c
                  - name: b
                    handler_class: %1$s
                    depends_on_step: a
                  - name: c
                    handler_class: %1$s
                    depends_on_step: b
                """);
        assertTrue(error.getMessage().contains("dependency cycle: a -> c -> b -> a"), error.getMessage());
        assertEquals("a", error.step());
    }

    @Test
    void rejectsAnUnknownDependency() {
        TemplateException error = rejected("""
                name: unknown_dependency
                step_templates:
                  - name: a
                    handler_class: %s
                    depends_on_steps: [ghost]
                """);
        assertEquals("a", error.step());
        assertTrue(error.getMessage().contains("unknown step 'ghost'"), error.getMessage());
    }

    @Test
    void rejectsADuplicateStepName() {
        TemplateException error = rejected("""
                name: duplicate
                step_templates:
                  - name: a
                    handler_class: %1$s
                  - name: a
                    handler_class: %1$s
                """);
        assertEquals("a", error.step());
        assertTrue(error.getMessage().contains("duplicate step name"), error.getMessage());
    }

    @Test
    void rejectsAnInvalidVersion() {
        for (String version : List.of("1.0", "v1.0.0", "01.0.0", "1.0.0-beta")) {
            TemplateException error = rejected("""
                    name: versioned
                    version: "%s"
                    step_templates:
                      - name: a
                        handler_class: %%s
                    """.formatted(version));
            assertTrue(error.getMessage().contains("not a semantic version"), error.getMessage());
        }
        TemplateException unquoted = rejected("""
                name: versioned
                version: 1.0
                step_templates:
                  - name: a
                    handler_class: %s
                """);
        assertTrue(unquoted.getMessage().contains("quote it in YAML"), unquoted.getMessage());
    }

    @Test
    void rejectsUnknownKeysAndWrongTypes() {
        assertTrue(rejected("""
                name: typo
                step_templates:
                  - name: a
                    handler_class: %s
                    depends_on: b
                """).getMessage().contains("unknown key 'depends_on'"));
        assertTrue(rejected("""
                name: bad_limit
                step_templates:
                  - name: a
                    handler_class: %s
                    default_retry_limit: 0
                """).getMessage().contains("default_retry_limit must be a whole number of at least 1"));
        assertTrue(rejected("""
                name: no_handler
                step_templates:
                  - name: a
                """).getMessage().contains("handler_class"));
        assertTrue(rejected("""
                name: empty
                step_templates: []
                """).getMessage().contains("at least one step"));
    }

    @Test
    void readsTheIdentityStrategyAndStepTimeouts() {
        TaskTemplate template = parser.parse("timed.yaml", """
                name: timed
                identity_strategy: hash
                step_templates:
                  - name: quick
                    handler_class: %1$s
                    timeout_seconds: 1.5
                  - name: unbounded
                    handler_class: %1$s
                """.formatted(HANDLER));

        assertEquals(IdentityStrategy.HASH, template.identityStrategy());
        assertEquals(Duration.ofMillis(1500), template.step("quick").orElseThrow().timeout());
        assertNull(template.step("unbounded").orElseThrow().timeout(), "the configured default applies");
        assertEquals(IdentityStrategy.DEFAULT, parser.parse("plain.yaml", """
                name: plain
                step_templates:
                  - name: a
                    handler_class: %s
                """.formatted(HANDLER)).identityStrategy());
    }

    @Test
    void rejectsAnUnknownIdentityStrategyAndNonPositiveTimeouts() {
        assertTrue(rejected("""
                name: bad_identity
                identity_strategy: random
                step_templates:
                  - name: a
                    handler_class: %s
                """).getMessage().contains("identity_strategy must be default or hash, got 'random'"));
        for (String timeout : List.of("0", "-1", "soon", "0.0001")) {
            assertTrue(rejected("""
                    name: bad_timeout
                    step_templates:
                      - name: a
                        handler_class: %s
                        timeout_seconds: TIMEOUT
                    """.replace("TIMEOUT", timeout)).getMessage()
                    .contains("timeout_seconds must be a positive number of seconds"), timeout);
        }
    }

    @Test
    void customEventsFollowTheNameRuleCarryTheirPayloadSchemaAndAreDeclaredOnce() {
        TaskTemplate template = parser.parse("events.yaml", """
                name: events
                custom_events:
                  - name: order.shipped
                    payload_schema: {type: object, required: [parcel]}
                step_templates:
                  - name: a
                    handler_class: %1$s
                    custom_events:
                      - name: order.billing_retried_2
                """.formatted(HANDLER));
        assertEquals(Map.of("type", "object", "required", List.of("parcel")),
                template.customEvents().get(0).payloadSchema().orElseThrow());
        assertEquals(List.of("order.shipped", "order.billing_retried_2"), template.allCustomEvents().stream()
                .map(CustomEventDefinition::name).toList());
        assertTrue(template.customEvent("a", "order.billing_retried_2").isPresent());
        assertTrue(template.customEvent("b", "order.billing_retried_2").isEmpty(), "a step's own events are its");

        for (String name : List.of("shipped", "Order.Shipped", "task.shipped", "step.done", "order.", "order..x")) {
            TemplateException error = rejected("""
                    name: events
                    custom_events:
                      - name: NAME
                    step_templates:
                      - name: a
                        handler_class: %1$s
                    """.replace("NAME", name));
            assertTrue(error.getMessage().contains("a name is <category>.<name> in lower case"), error.getMessage());
        }
        TemplateException twice = rejected("""
                name: events
                custom_events:
                  - name: order.shipped
                step_templates:
                  - name: a
                    handler_class: %1$s
                    custom_events:
                      - name: order.shipped
                """);
        assertTrue(twice.getMessage().contains("custom event 'order.shipped' is declared twice"), twice.getMessage());
    }

    @Test
    void rejectsStepsOutsideNamedSteps() {
        TemplateException error = rejected("""
                name: whitelisted
                named_steps: [a]
                step_templates:
                  - name: a
                    handler_class: %1$s
                  - name: b
                    handler_class: %1$s
                    depends_on_step: a
                """);
        assertEquals("b", error.step());
        assertTrue(error.getMessage().contains("not in the named_steps list"), error.getMessage());
    }

    @Test
    void rejectsUnsafeOrBrokenYaml() {
        assertTrue(rejected("name: [unclosed").getMessage().contains("not valid YAML"));
        assertTrue(rejected("!!java.io.File { }").getMessage().contains("not valid YAML"));
        assertTrue(rejected("""
                name: a
                name: b
                """).getMessage().contains("not valid YAML"));
        assertTrue(rejected("- just a list").getMessage().contains("must be a mapping"));
    }

    @Test
    void rejectsAnOverrideOfAnUndefinedStep() {
        TemplateException error = rejected("""
                name: overrides
                step_templates:
                  - name: a
                    handler_class: %s
                environments:
                  production:
                    step_templates:
                      - name: b
                        default_retry_limit: 2
                """);
        assertEquals("b", error.step());
    }

    private TemplateException rejected(String yaml) {
        return assertThrows(TemplateException.class, () -> parser.parse("bad.yaml", yaml.replace("%s", HANDLER)
                .replace("%1$s", HANDLER)));
    }
}
