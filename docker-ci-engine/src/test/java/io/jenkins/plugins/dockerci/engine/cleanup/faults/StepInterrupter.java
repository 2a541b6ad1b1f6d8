package io.jenkins.plugins.dockerci.engine.cleanup.faults;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Interrupts the thread running a step, from a thread of its own, a chosen number of events into the step (an event
 * is a log line or a tracker call) plus a delay, so that the interrupt lands at a reproducible point of the step
 * whatever the speed of the machine. The interrupt is delivered only while the step or its cleanup runs; where it
 * landed is recorded.
 */
final class StepInterrupter {

    /** Where the case was when the interrupt was delivered. */
    enum Landed { NOT_DELIVERED, IN_STEP, IN_CLEANUP }

    private enum Phase { STEP, CLEANUP, DONE }

    private final Thread worker;
    private final int atEvent;
    private final Duration delay;
    private final AtomicInteger events = new AtomicInteger();
    private final CountDownLatch reachedOrDone = new CountDownLatch(1);
    private final Thread interrupter;
    private volatile String eventSeen = "";
    private Phase phase = Phase.STEP;
    private Landed landed = Landed.NOT_DELIVERED;

    /** {@code atEvent} 0 never interrupts: the step runs undisturbed, and its events are counted. */
    StepInterrupter(Thread worker, int atEvent, Duration delay) {
        this.worker = worker;
        this.atEvent = atEvent;
        this.delay = delay;
        this.interrupter = new Thread(this::interruptWhenDue, "fault-interrupter-" + worker.getName());
        interrupter.setDaemon(true);
        if (atEvent > 0) {
            interrupter.start();
        }
    }

    /** The step did something: {@code description} says what. */
    void event(String description) {
        if (events.incrementAndGet() == atEvent) {
            eventSeen = description;
            reachedOrDone.countDown();
        }
    }

    synchronized void stepEnded() {
        phase = Phase.CLEANUP;
    }

    /** The cleanup ended: from now on nothing is interrupted. */
    void caseEnded() {
        synchronized (this) {
            phase = Phase.DONE;
        }
        reachedOrDone.countDown();
    }

    /** Waits for the interrupting thread to end (call with the interrupt flag clear). */
    void awaitInterrupter() throws InterruptedException {
        interrupter.join(TimeUnit.MINUTES.toMillis(1));
    }

    int events() {
        return events.get();
    }

    synchronized Landed landed() {
        return landed;
    }

    /** For failure messages: the chosen point and where it landed. */
    synchronized String describe() {
        if (atEvent == 0) {
            return "not interrupted (" + events.get() + " events)";
        }
        return "interrupt " + delay.toMillis() + " ms after event " + atEvent + " of " + events.get()
                + (eventSeen.isEmpty() ? "" : " ('" + eventSeen + "')") + ", landed " + landed;
    }

    private void interruptWhenDue() {
        try {
            reachedOrDone.await();
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            if (phase == Phase.DONE) {
                return;
            }
            landed = phase == Phase.STEP ? Landed.IN_STEP : Landed.IN_CLEANUP;
            worker.interrupt();
        }
    }
}
