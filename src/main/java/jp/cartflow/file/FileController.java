package jp.cartflow.file;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

@RestController
@Tag(name = "Files", description = "Uploads linked from newsletters instead of attachments (MAIL-3)")
class FileController {

    private final StoredFiles files;
    private final ShopDirectory shops;

    FileController(StoredFiles files, ShopDirectory shops) {
        this.files = files;
        this.shops = shops;
    }

    record FileResponse(String id, String url, String fileName, String contentType, long size) {
    }

    @PostMapping(path = "/api/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a file (size and type limits); answers its public URL with an unguessable id",
            description = "Uploads a file within the size and type limits and answers its public URL with an unguessable id, for links in newsletters instead of attachments. Rules: MAIL-3.")
    FileResponse upload(@RequestParam("file") MultipartFile file, Authentication user) throws IOException {
        StoredFiles.StoredFile stored = files.store(shops.current().id(), file.getOriginalFilename(),
                file.getContentType(), file.getBytes(), user.getName());
        return new FileResponse(stored.publicId(), files.publicUrl(stored.publicId()), stored.fileName(),
                stored.contentType(), stored.size());
    }

    /** Public: whoever has the link (a newsletter reader) gets the file, without logging in. */
    @GetMapping("/files/{publicId}")
    ResponseEntity<byte[]> download(@PathVariable String publicId) {
        StoredFiles.StoredFile file = files.find(publicId)
                .orElseThrow(() -> ApiException.notFound("file", "publicId"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(file.content());
    }
}
