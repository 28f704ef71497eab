package org.tawag.config;

/**
 * What a caller waiting in one queue hears; kept beside {@link org.tawag.acd.QueueSpec}, which
 * holds routing only.
 *
 * @param queue the queue's name
 * @param music the hold music: a sound name in the sounds directory, without ".wav"
 */
public record QueueMedia(String queue, String music) {}
