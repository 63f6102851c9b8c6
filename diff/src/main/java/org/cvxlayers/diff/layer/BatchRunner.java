package org.cvxlayers.diff.layer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs {@code body(0 .. count-1)} on up to {@code parallelism} threads: the calling thread and helpers
 * submitted to an executor all pull element indices from one counter. The caller always works too and, when
 * it runs out of elements, withdraws the helpers that have not started yet, so a call never waits for a
 * busy executor (no deadlock when a layer is called from inside the executor's own threads). Each element
 * is processed by exactly one thread; which thread does not influence its result.
 */
final class BatchRunner {
    private BatchRunner() {
    }

    static void run(Executor executor, int parallelism, int count, IntConsumer body) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Runnable worker = () -> {
            int i;
            while (error.get() == null && (i = next.getAndIncrement()) < count) {
                try {
                    body.accept(i);
                } catch (Throwable t) {
                    error.compareAndSet(null, t);
                }
            }
        };
        int helpers = Math.max(0, Math.min(parallelism, count) - 1);
        Helper[] hs = new Helper[helpers];
        for (int k = 0; k < helpers; k++) {
            hs[k] = new Helper(worker);
            try {
                executor.execute(hs[k]);
            } catch (RejectedExecutionException e) {
                hs[k].withdraw();
            }
        }
        worker.run();
        for (Helper h : hs) {
            if (!h.withdraw()) {
                h.awaitDone();
            }
        }
        Throwable t = error.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new LayerException("a batch element failed", t);
        }
    }

    /** A helper task that runs the worker unless it was withdrawn before it started. */
    private static final class Helper implements Runnable {
        private static final int NEW = 0;
        private static final int RUNNING = 1;
        private static final int WITHDRAWN = 2;
        private final AtomicInteger state = new AtomicInteger(NEW);
        private final CountDownLatch done = new CountDownLatch(1);
        private final Runnable worker;

        Helper(Runnable worker) {
            this.worker = worker;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(NEW, RUNNING)) {
                return;
            }
            try {
                worker.run();
            } finally {
                done.countDown();
            }
        }

        /** True if the helper had not started (it never will now). */
        boolean withdraw() {
            return state.compareAndSet(NEW, WITHDRAWN);
        }

        void awaitDone() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
