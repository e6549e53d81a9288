package jp.cartflow.mail.bounce.collect;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jp.cartflow.mail.bounce.BounceMailbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Properties;

/**
 * Opens a bounce mailbox over POP3 or POP3S (BNC-1). POP3S trusts the JVM's default trust store (public CAs, which
 * is what Gmail and commercial providers need) unless {@code cartflow.bounce.truststore.path} names a PKCS#12 or
 * JKS trust store; then only that one is trusted (a private CA, or the test server's certificate). The server's
 * host name is checked against its certificate unless {@code cartflow.bounce.check-server-identity=false}.
 */
@Component
public class Pop3Mailboxes {

    private final SSLSocketFactory sslSocketFactory;
    private final boolean checkServerIdentity;
    private final int timeoutMillis;

    Pop3Mailboxes(@Value("${cartflow.bounce.truststore.path:}") String truststorePath,
                  @Value("${cartflow.bounce.truststore.password:}") String truststorePassword,
                  @Value("${cartflow.bounce.check-server-identity:true}") boolean checkServerIdentity,
                  @Value("${cartflow.bounce.timeout-millis:20000}") int timeoutMillis) {
        this.sslSocketFactory = truststorePath.isBlank() ? null : socketFactory(truststorePath, truststorePassword);
        this.checkServerIdentity = checkServerIdentity;
        this.timeoutMillis = timeoutMillis;
    }

    /** An open INBOX, read-write: messages marked deleted are removed (DELE) only by {@link Open#close(boolean)}. */
    public final class Open implements AutoCloseable {
        private final Store store;
        private final Folder inbox;

        private Open(Store store, Folder inbox) {
            this.store = store;
            this.inbox = inbox;
        }

        public Folder inbox() {
            return inbox;
        }

        /** {@code expunge}: send DELE for the messages marked deleted (after the records committed). */
        public void close(boolean expunge) throws MessagingException {
            try {
                if (inbox.isOpen()) {
                    inbox.close(expunge);
                }
            } finally {
                store.close();
            }
        }

        @Override
        public void close() throws MessagingException {
            close(false);
        }
    }

    public Open open(BounceMailbox mailbox) throws MessagingException {
        String protocol = mailbox.ssl() ? "pop3s" : "pop3";
        Properties props = new Properties();
        props.setProperty("mail." + protocol + ".connectiontimeout", Integer.toString(timeoutMillis));
        props.setProperty("mail." + protocol + ".timeout", Integer.toString(timeoutMillis));
        if (mailbox.ssl()) {
            props.setProperty("mail.pop3s.ssl.checkserveridentity", Boolean.toString(checkServerIdentity));
            if (sslSocketFactory != null) {
                props.put("mail.pop3s.ssl.socketFactory", sslSocketFactory);
            }
        }
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            return new Open(store, inbox);
        } catch (MessagingException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** BNC-1 {@code bounce-settings/test}: log in and out, and say so in Japanese. */
    public String test(BounceMailbox mailbox) {
        try (Open open = open(mailbox)) {
            return "ログイン成功 (%s, メール %d 通)".formatted(mailbox.hostSetting() + ":" + mailbox.port(),
                    open.inbox().getMessageCount());
        } catch (MessagingException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String server = e.getMessage() == null ? "" : e.getMessage();
            String root = cause == e || cause.getMessage() == null ? "" : " (" + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage() + ")";
            return "ログイン失敗: " + server + root;
        }
    }

    /** {@code path}: a file, or {@code classpath:…}. */
    private static SSLSocketFactory socketFactory(String path, String password) {
        try (InputStream in = path.startsWith("classpath:")
                ? new ClassPathResource(path.substring("classpath:".length())).getInputStream()
                : Files.newInputStream(Path.of(path))) {
            KeyStore trust = KeyStore.getInstance(path.endsWith(".jks") ? "JKS" : "PKCS12");
            trust.load(in, password.isEmpty() ? null : password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cartflow.bounce.truststore.path: cannot read trust store " + path, e);
        }
    }
}
