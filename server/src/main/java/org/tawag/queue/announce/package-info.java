/**
 * What a caller waiting in a queue hears besides music: the periodic announcement of position and
 * estimated wait, as a pure script of sound names ({@link
 * org.tawag.queue.announce.AnnouncementScript}).
 */
package org.tawag.queue.announce;
