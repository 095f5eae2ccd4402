package org.provegateway.platform.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A secret of this installation, shared by every node on the database (see {@code V7__installation_secret.sql}). */
@Entity
@Table(name = "installation_secret")
public class InstallationSecret {

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "secret", nullable = false, length = 128)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InstallationSecret() {
        // for JPA
    }

    public InstallationSecret(String name, String secret, Instant createdAt) {
        this.name = name;
        this.secret = secret;
        this.createdAt = createdAt;
    }

    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "InstallationSecret[" + name + "]"; // never the secret
    }
}
