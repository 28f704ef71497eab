/**
 * Callback requests: a caller waiting in a queue presses the queue's callback key and leaves
 * instead of waiting on; the request is stored for an operator to call back.
 */
package org.tawag.queue.callback;
