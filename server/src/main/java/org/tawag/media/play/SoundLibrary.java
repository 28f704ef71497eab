package org.tawag.media.play;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The sounds Tawag can play, by name: prompts, announcements, hold music. Immutable. */
public final class SoundLibrary {
  private static final String SUFFIX = ".wav";

  private final Map<String, Sound> sounds;

  private SoundLibrary(Map<String, Sound> sounds) {
    this.sounds = Map.copyOf(sounds);
  }

  /**
   * Loads every {@code *.wav} in {@code dir}; a sound's name is its file name without {@code .wav}.
   * One bad file fails the whole load, naming the file.
   */
  public static SoundLibrary load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a directory of sounds");
    }
    Map<String, Sound> sounds = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(SUFFIX) || !Files.isRegularFile(file)) {
          continue;
        }
        String name = fileName.substring(0, fileName.length() - SUFFIX.length());
        sounds.put(name, Sound.fromPcm(name, WavFile.read(file)));
      }
    }
    return new SoundLibrary(sounds);
  }

  /** A library of the given sounds; a repeated name is a caller mistake. */
  public static SoundLibrary of(Sound... sounds) {
    Map<String, Sound> byName = new TreeMap<>();
    for (Sound sound : sounds) {
      if (byName.put(sound.name(), sound) != null) {
        throw new IllegalArgumentException("sound name '" + sound.name() + "' given twice");
      }
    }
    return new SoundLibrary(byName);
  }

  /** The sound called {@code name}, if any. */
  public Optional<Sound> find(String name) {
    return Optional.ofNullable(sounds.get(name));
  }

  /** The sound called {@code name}; its absence is a caller (configuration) mistake. */
  public Sound get(String name) {
    Sound sound = sounds.get(name);
    if (sound == null) {
      throw new IllegalArgumentException("no sound named '" + name + "' among " + sounds.keySet());
    }
    return sound;
  }

  /** The names of all sounds. */
  public java.util.Set<String> names() {
    return sounds.keySet();
  }
}
