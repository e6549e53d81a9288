package jp.cartflow.file;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * Uploads for newsletter links (MAIL-3), {@code cartflow.files.*}.
 *
 * @param maxSize      largest accepted upload (default 10MB; keep spring.servlet.multipart.max-file-size above it)
 * @param allowedTypes accepted content types; the file's first bytes must match the type
 * @param publicBaseUrl where {@code /files/{id}} is reached from outside, e.g. https://shop.example.jp
 */
@ConfigurationProperties(prefix = "cartflow.files")
record FileProperties(@DefaultValue("10MB") DataSize maxSize,
                      @DefaultValue({"application/pdf", "image/png", "image/jpeg", "image/gif"}) List<String> allowedTypes,
                      @DefaultValue("http://localhost:8080") String publicBaseUrl) {
}
