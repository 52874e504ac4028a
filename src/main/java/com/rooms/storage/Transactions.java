package com.rooms.storage;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Runs work in a transaction of its own on the rooms persistence unit. */
@ApplicationScoped
public class Transactions {
    @PersistenceContext(unitName = "rooms")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run(Consumer<EntityManager> work) {
        work.accept(em);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T call(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    /** Reads without a transaction of its own (joins the caller's, if any). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> T read(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}
