package io.jenkins.plugins.dockerci.host;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import java.io.Serializable;

/**
 * The PEM texts a TLS-protected Docker host needs, as {@code docker --tlsverify} reads them from {@code ca.pem},
 * {@code cert.pem} and {@code key.pem}. The private key never appears in {@link #toString()}.
 *
 * @param caCertificate     the CA certificate that signed the daemon's certificate
 * @param clientCertificate the client certificate
 * @param clientKey         the client's private key
 */
public record TlsMaterial(String caCertificate, String clientCertificate, String clientKey) implements Serializable {

    public TlsMaterial {
        requirePem(caCertificate, Messages.TlsMaterial_ca());
        requirePem(clientCertificate, Messages.TlsMaterial_certificate());
        requirePem(clientKey, Messages.TlsMaterial_key());
    }

    private static void requirePem(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(Messages.TlsMaterial_empty(what));
        }
        if (!text.contains("-----BEGIN ")) {
            throw new IllegalArgumentException(Messages.TlsMaterial_notPem(what));
        }
    }

    @Override
    public String toString() {
        return "TlsMaterial[clientKey=" + SecretMasker.MASK + "]";
    }
}
