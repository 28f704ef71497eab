package org.tawag.call;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.dialplan.DialPlan;
import org.tawag.dialplan.IvrAction;
import org.tawag.dialplan.IvrSession;
import org.tawag.dialplan.Route;
import org.tawag.media.MediaLeg;
import org.tawag.media.play.Echo;
import org.tawag.media.play.PromptPlayer;
import org.tawag.media.play.SoundLibrary;

/**
 * Runs one call through dial-plan targets: echo, announcements, IVR menus, queues, rejects.
 *
 * <p>Runs on the call's serial context only (the media leg's event loop), so it needs no locks.
 * Each target entered bumps a generation number; callbacks from an earlier target (a prompt that
 * finishes, a timer that fires) see a stale generation and do nothing.
 */
public final class CallSession {
  private static final Logger log = LoggerFactory.getLogger(CallSession.class);

  /** What a call session needs from the rest of the server. */
  public record Context(
      DialPlan dialPlan,
      SoundLibrary sounds,
      CallQueues queues,
      CallTimers timers,
      CallEvents events) {}

  private final CallChannel channel;
  private final Context context;

  private int generation;
  private IvrSession ivr;
  private PromptPlayer prompt;
  private CallTimers.Timer timer;
  private boolean started;
  private boolean queued;
  private boolean ended;

  public CallSession(CallChannel channel, Context context) {
    this.channel = channel;
    this.context = context;
  }

  /** The call this session runs. */
  public CallChannel channel() {
    return channel;
  }

  /** Sends the call to {@code route}, leaving whatever target it was in. */
  public void enter(Route route) {
    if (ended) {
      return;
    }
    if (!started) {
      started = true;
      context.events().callStarted(channel);
    }
    leaveCurrentTarget();
    int gen = ++generation;
    context.events().routeEntered(channel.callId(), route);
    log.debug("call {} enters {}", channel.callId(), route.name());
    MediaLeg media = channel.media();
    if (route instanceof Route.Echo) {
      channel.answer();
      Echo echo = new Echo();
      media.setSink(echo);
      media.setSource(echo);
    } else if (route instanceof Route.Announcement a) {
      channel.answer();
      play(
          gen,
          a.sound(),
          () -> {
            if (a.next().isPresent()) {
              enter(context.dialPlan().target(a.next().get()));
            } else {
              hangUp(EndReason.LOCAL_HANGUP);
            }
          });
    } else if (route instanceof Route.Ivr menu) {
      channel.answer();
      ivr = new IvrSession(menu);
      act(gen, ivr.start());
    } else if (route instanceof Route.Queue q) {
      queued = true;
      context.queues().enqueue(this, q);
    } else if (route instanceof Route.Reject r) {
      channel.reject(r.code(), r.reason());
    } else {
      throw new IllegalStateException("no handling for route type " + route.getClass());
    }
  }

  /** Sends the call to the dial-plan target named {@code name}, leaving its current target. */
  public void enterTarget(String name) {
    enter(context.dialPlan().target(name));
  }

  /** Whether the call is over. */
  public boolean isEnded() {
    return ended;
  }

  /** An RFC 4733 digit from the caller. */
  public void onDigit(char digit) {
    if (ended) {
      return;
    }
    context.events().digitReceived(channel.callId(), digit);
    if (queued) {
      context.queues().digit(this, digit);
    } else if (ivr != null) {
      // Barge-in: a digit during the prompt stops it and counts at once.
      stopPrompt();
      cancelTimer();
      act(generation, ivr.onDigit(digit));
    }
  }

  /** Schedules {@code task} on this call after {@code delay}, unless the call moves on first. */
  public void after(Duration delay, Runnable task) {
    int gen = generation;
    cancelTimer();
    timer =
        context
            .timers()
            .schedule(
                channel.media().executor(),
                delay,
                () -> {
                  if (gen == generation && !ended) {
                    task.run();
                  }
                });
  }

  /** Ends the call from our side. */
  public void hangUp(EndReason reason) {
    if (!ended) {
      channel.hangUp(reason);
    }
  }

  /** The call is over, whoever ended it: stop players and timers. */
  public void ended(EndReason reason) {
    if (ended) {
      return;
    }
    ended = true;
    generation++;
    leaveCurrentTarget();
    context.events().callEnded(channel.callId(), reason);
  }

  private void act(int gen, IvrAction action) {
    if (gen != generation || ended) {
      return;
    }
    if (action instanceof IvrAction.Play p) {
      play(gen, p.sound(), () -> act(gen, ivr.onPlaybackFinished()));
    } else if (action instanceof IvrAction.WaitForDigit w) {
      after(w.timeout(), () -> act(gen, ivr.onTimeout()));
    } else if (action instanceof IvrAction.GoTo g) {
      enter(context.dialPlan().target(g.target()));
    } else if (action instanceof IvrAction.HangUp) {
      hangUp(EndReason.LOCAL_HANGUP);
    }
    // IvrAction.Ignore: nothing to do.
  }

  private void play(int gen, String sound, Runnable then) {
    stopPrompt();
    prompt =
        new PromptPlayer(
            context.sounds().get(sound),
            () -> {
              if (gen == generation && !ended) {
                then.run();
              }
            });
    channel.media().setSource(prompt);
  }

  private void leaveCurrentTarget() {
    if (queued) {
      queued = false;
      context.queues().left(this);
    }
    cancelTimer();
    stopPrompt();
    ivr = null;
    MediaLeg media = channel.media();
    if (media != null) {
      media.setSink(null);
      media.setSource(null);
    }
  }

  private void stopPrompt() {
    if (prompt != null) {
      prompt.stop();
      prompt = null;
    }
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }
}
