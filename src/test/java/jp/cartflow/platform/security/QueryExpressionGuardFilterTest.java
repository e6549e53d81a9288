package jp.cartflow.platform.security;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("CVE-2026-109432 guard: expression detection")
class QueryExpressionGuardFilterTest {

    @Nested
    @DisplayName("in task and filter queries (anyExpression): every expression is found")
    class AnyExpression {

        @ParameterizedTest(name = "found in {0}")
        @ValueSource(strings = {
                "{\"orQueries\":[{\"assigneeExpression\":\"${cveProbe.touch()}\"}]}",
                "{\"orQueries\":[{\"assigneeExpression\":\"#{cveProbe.touch()}\"}]}",
                "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{cveProbe.touch()}\"}]}",
                "{\"orQueries\":[{\"assigneeExpression\":\"\\u0023{cveProbe.touch()}\"}]}",
                "{\"orQueries\":[{\"assigneeExpression\":\"$\\u007bcveProbe.touch()}\"}]}",
                "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024\\u007Bx}\"}]}",
                "{\"orQueries\":[{\"orQueries\":[{\"candidateGroupExpression\":\"${a.b(\\\"{}\\\")}\"}]}]}",
                "{\"assigneeExpression\":\"${ currentUser() }\"}",
                "assigneeExpression=${x}",
        })
        void expressionsAreFound(String text) {
            assertThat(QueryExpressionGuardFilter.anyExpression(text)).isNotNull();
        }

        @ParameterizedTest(name = "nothing in {0}")
        @ValueSource(strings = {
                "",
                "{\"processDefinitionKey\":\"ShippingNotificationProcess\"}",
                "{\"assignee\":\"demo\",\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}",
                "{\"nameLike\":\"%$ {price}%\"}",
                "{\"description\":\"costs $5 {approx}\"}",
                "{\"nameLike\":\"#tag\"}",
        })
        void plainQueriesPass(String text) {
            assertThat(QueryExpressionGuardFilter.anyExpression(text)).isNull();
        }

        @org.junit.jupiter.api.Test
        @DisplayName("reports the offending expression")
        void reportsTheExpression() {
            assertThat(QueryExpressionGuardFilter.anyExpression("{\"a\":\"${cveProbe.touch()}\"}"))
                    .isEqualTo("${cveProbe.touch()}");
        }
    }

    @Nested
    @DisplayName("in saved filters (harmfulExpression): only Tasklist's own harmless expressions pass")
    class HarmfulExpression {

        @ParameterizedTest(name = "harmless: {0}")
        @ValueSource(strings = {
                "{\"assigneeExpression\":\"${ currentUser() }\"}",
                "{\"assigneeExpression\":\"${currentUser()}\"}",
                "{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}",
                "{\"dueBeforeExpression\":\"${now()}\"}",
                "{\"followUpBeforeExpression\":\"${dateTime().plusDays(3).toDate()}\"}",
                "{\"dueAfterExpression\":\"${dateTime().minusHours(-2)}\"}",
                "{\"processDefinitionKey\":\"ShippingNotificationProcess\"}",
                "",
        })
        void harmlessPass(String text) {
            assertThat(QueryExpressionGuardFilter.harmfulExpression(text)).isNull();
        }

        @ParameterizedTest(name = "harmful: {0}")
        @ValueSource(strings = {
                "{\"query\":{\"orQueries\":[{\"assigneeExpression\":\"${cveProbe.touch()}\"}]}}",
                "{\"assigneeExpression\":\"#{cveProbe.touch()}\"}",
                "{\"assigneeExpression\":\"\\u0024{currentUser()}\"}",
                "{\"assigneeExpression\":\"$\\u007bcurrentUser()}\"}",
                "{\"assigneeExpression\":\"${currentUser()} ${cveProbe.touch()}\"}",
                "{\"assigneeExpression\":\"${currentUser(${cveProbe.touch()})}\"}",
                "{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}",
                "{\"assigneeExpression\":\"${currentUser()\"}",
                "{\"dueAfterExpression\":\"${dateTime().plusDays(3).toString()}\"}",
        })
        void harmfulAreFound(String text) {
            assertThat(QueryExpressionGuardFilter.harmfulExpression(text)).isNotNull();
        }
    }
}
