package com.rooms.room;

/** Runs a task once after a delay, on some thread of the server's; the room's only timer. */
@FunctionalInterface
public interface Later {
    void run(Runnable task, long delayMillis);

    /** Runs the task at once, on the caller's thread (tests). */
    Later NOW = (task, delayMillis) -> task.run();
}
