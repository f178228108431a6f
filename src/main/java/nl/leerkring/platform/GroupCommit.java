package nl.leerkring.platform;

import org.h2.mvstore.MVStore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable the way a journaled MongoDB write is: a writer waits until its change has been
 * committed and forced to disk (fsync). One thread does the commit and the sync for every writer that arrived
 * in the meantime, so concurrent writers share one sync instead of queueing for one each.
 */
public final class GroupCommit implements AutoCloseable {

  /** A writer waits at most this long for a sync that is already under way plus its own. */
  static final long MAX_WAIT_MILLIS = 10_000;

  private final MVStore store;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final Condition synced = lock.newCondition();
  private final Thread thread;
  private long requested;
  private long durable;
  private RuntimeException failure;
  private boolean closed;
  private boolean stopped;
  private long syncs;
  private long syncNanos;

  /** What durability costs so far: writes that waited for the disk, the syncs they shared, the time those took. */
  public record Costs(long writes, long syncs, long syncNanos) {
  }

  GroupCommit(MVStore store, String name) {
    this.store = store;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Blocks the calling (store) thread until everything it changed is on disk; throws when that failed. */
  void awaitDurable() {
    lock.lock();
    try {
      long ticket = ++requested;
      work.signal();
      long nanos = TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
      while (durable < ticket) {
        if (failure != null) {
          throw new StoreUnwritableException("The store could not write to disk", failure);
        }
        if (stopped) {
          throw new StoreUnwritableException("The store was closed before the write reached the disk", null);
        }
        if (nanos <= 0) {
          throw new StoreUnwritableException("The disk did not confirm the write in time", null);
        }
        nanos = synced.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnwritableException("Interrupted while waiting for the disk", e);
    } finally {
      lock.unlock();
    }
  }

  Costs costs() {
    lock.lock();
    try {
      return new Costs(durable, syncs, syncNanos);
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    try {
      syncUntilClosed();
    } finally {
      lock.lock();
      try {
        stopped = true;
        synced.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private void syncUntilClosed() {
    while (true) {
      long target;
      lock.lock();
      try {
        while (requested == durable && !closed) {
          work.awaitUninterruptibly();
        }
        if (requested == durable) {
          return;
        }
        target = requested;
      } finally {
        lock.unlock();
      }
      RuntimeException error = null;
      long started = System.nanoTime();
      try {
        store.commit();
        store.sync();
      } catch (RuntimeException e) {
        error = e;
      }
      long took = System.nanoTime() - started;
      lock.lock();
      try {
        if (error == null) {
          durable = target;
          syncs++;
          syncNanos += took;
        } else {
          // H2 closes the store after a failed write; every later writer gets the same answer.
          failure = error;
          closed = true;
        }
        synced.signalAll();
        if (closed && error != null) {
          return;
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** Lets the thread finish the syncs already asked for, then stop. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      work.signal();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(MAX_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
