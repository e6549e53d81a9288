package jp.cartflow.platform.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The versioning policy's headers (docs/rest-api.md), on a controller of this test run through Spring MVC. */
class ApiVersioningTest {

    @RestController
    static class Versions {

        @GetMapping("/api/old")
        @ApiDeprecation(since = "2026-12-01", sunset = "2027-06-01", successor = "/api/v2/new")
        String old() {
            return "old";
        }

        @GetMapping("/api/current")
        String current() {
            return "current";
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Versions())
            .addMappedInterceptors(new String[] {"/api/**"}, new ApiVersioning.Headers()).build();

    @Test
    @DisplayName("a deprecated operation answers with Deprecation (RFC 9745), Sunset (RFC 8594) and its successor")
    void deprecated() throws Exception {
        mvc.perform(get("/api/old")).andExpect(status().isOk())
                .andExpect(header().string("Cartflow-Api-Version", "1"))
                .andExpect(header().string("Deprecation", "@1796083200"))
                .andExpect(header().string("Sunset", "Tue, 01 Jun 2027 00:00:00 GMT"))
                .andExpect(header().string("Link", "</api/v2/new>; rel=\"successor-version\""));
    }

    @Test
    @DisplayName("a current operation says its version and nothing about deprecation")
    void current() throws Exception {
        mvc.perform(get("/api/current")).andExpect(status().isOk())
                .andExpect(header().string("Cartflow-Api-Version", "1"))
                .andExpect(header().doesNotExist("Deprecation"))
                .andExpect(header().doesNotExist("Sunset"));
    }
}
