package jp.cartflow.file;

import jp.cartflow.platform.errors.DomainException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Uploaded files (MAIL-3: a newsletter links a file instead of attaching it). Each file gets a public id of
 * 256 random bits, so its URL cannot be guessed; the content is checked against the declared type.
 */
@Service
@EnableConfigurationProperties(FileProperties.class)
class StoredFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FileProperties properties;

    StoredFiles(JdbcClient jdbc, Clock clock, FileProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    record StoredFile(String publicId, String fileName, String contentType, long size, byte[] content) {
    }

    @Transactional
    StoredFile store(long shopId, String fileName, String declaredType, byte[] content, String user) {
        if (content.length == 0) {
            throw DomainException.invalid("file", "ファイルが空です / the file is empty");
        }
        if (content.length > properties.maxSize().toBytes()) {
            throw DomainException.invalid("file", "ファイルが大きすぎます(上限 %d MB) / file over the limit of %d bytes"
                    .formatted(properties.maxSize().toMegabytes(), properties.maxSize().toBytes()));
        }
        String type = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!properties.allowedTypes().contains(type)) {
            throw DomainException.invalid("file", "この種類のファイルは登録できません(%s)。使える種類: %s"
                    .formatted(type.isEmpty() ? "不明" : type, properties.allowedTypes()));
        }
        if (!contentMatches(type, content)) {
            throw DomainException.invalid("file", "ファイルの中身が種類 " + type + " と一致しません / content does not match its type");
        }
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.replaceAll("[\\\\/\\r\\n\"]", "_");
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String publicId = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.sql("""
                INSERT INTO stored_file (shop_id, public_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
                VALUES (:shop, :id, :name, :type, :size, :content, :user, :now)""")
                .param("shop", shopId).param("id", publicId).param("name", name).param("type", type)
                .param("size", (long) content.length).param("content", content).param("user", user)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        return new StoredFile(publicId, name, type, content.length, null);
    }

    Optional<StoredFile> find(String publicId) {
        return jdbc.sql("SELECT public_id, file_name, content_type, size_bytes, content FROM stored_file WHERE public_id = :id")
                .param("id", publicId)
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getBytes(5)))
                .optional();
    }

    String publicUrl(String publicId) {
        String base = properties.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/files/" + publicId;
    }

    /** The magic numbers of the accepted types; a type without a known signature passes. */
    static boolean contentMatches(String type, byte[] content) {
        return switch (type) {
            case "application/pdf" -> startsWith(content, "%PDF-".getBytes());
            case "image/png" -> startsWith(content, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            case "image/jpeg" -> startsWith(content, new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case "image/gif" -> startsWith(content, "GIF87a".getBytes()) || startsWith(content, "GIF89a".getBytes());
            default -> true;
        };
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
