package jp.cartflow.file;

import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** MAIL-3's link way: upload a file, link its public URL. */
class FileUploadIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;

    private ResponseEntity<Map> upload(String user, String name, String type, byte[] content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(type));
        part.setContentDispositionFormData("file", name);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, user);
        return client.postForEntity("/api/files", new HttpEntity<>(body, headers), Map.class);
    }

    private static byte[] pdf(int size) {
        byte[] b = new byte[size];
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    @Test
    @DisplayName("MAIL-3: an uploaded PDF is served without login at an unguessable URL")
    void uploadAndServePublicly() {
        byte[] content = pdf(2000);
        ResponseEntity<Map> created = upload("operator", "冬のカタログ.pdf", "application/pdf", content);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String id = (String) created.getBody().get("id");
        assertThat(id).hasSizeGreaterThanOrEqualTo(43);
        assertThat((String) created.getBody().get("url")).endsWith("/files/" + id);

        ResponseEntity<byte[]> served = rest.getForEntity("/files/" + id, byte[].class);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        assertThat(served.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getBody()).isEqualTo(content);
        assertThat(rest.getForEntity("/files/" + id.substring(0, id.length() - 2) + "xx", Map.class).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("bad uploads: no login 401, over the limit, refused type, content not matching its type — 422, nothing stored")
    void refusedUploads() {
        long before = jdbc.sql("SELECT COUNT(*) FROM stored_file").query(Long.class).single();
        assertThat(upload(null, "a.pdf", "application/pdf", pdf(100)).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<Map> big = upload("operator", "big.pdf", "application/pdf", pdf(65 * 1024 + 1));
        assertThat(big.getStatusCode().value()).isEqualTo(422);
        assertThat(big.getBody()).containsEntry("field", "file");
        assertThat((String) big.getBody().get("detail")).contains("大きすぎます");
        ResponseEntity<Map> html = upload("operator", "x.html", "text/html", "<script>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.getStatusCode().value()).isEqualTo(422);
        assertThat((String) html.getBody().get("detail")).contains("この種類のファイルは登録できません");
        ResponseEntity<Map> fake = upload("operator", "fake.pdf", "application/pdf", "MZ not a pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.getStatusCode().value()).isEqualTo(422);
        assertThat(fake.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stored_file").query(Long.class).single()).isEqualTo(before);
    }
}
