package org.provegateway.platform.control;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.provegateway.platform.entity.InstallationSecret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The installation's secrets, kept in its database so that every node shares them and a second installation (another
 * database) has its own. Created on first use: if two nodes create one at the same moment, the primary key lets one
 * win and the other reads the winner's.
 */
@ApplicationScoped
public class InstallationSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "prove")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    InstallationSecrets self; // through the proxy, so each step gets its own transaction

    /** The secret of this name (32 random bytes), created if this installation has none yet. */
    public byte[] get(String name) {
        Optional<String> existing = self.read(name);
        if (existing.isEmpty()) {
            try {
                self.create(name);
            } catch (RuntimeException anotherNodeWasFirst) {
                if (DatabaseFailures.unavailable(anotherNodeWasFirst)) {
                    throw anotherNodeWasFirst;
                }
            }
            existing = self.read(name);
        }
        return Base64.getDecoder().decode(existing.orElseThrow(
                () -> new IllegalStateException("installation secret " + name + " could not be created")));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> read(String name) {
        return Optional.ofNullable(em.find(InstallationSecret.class, name)).map(InstallationSecret::secret);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        em.persist(new InstallationSecret(name, Base64.getEncoder().encodeToString(secret), clock.instant()));
        em.flush();
    }
}
