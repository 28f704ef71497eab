#!/bin/sh
# Regenerates the demo prompts and hold music in this directory as 8 kHz mono 16-bit PCM WAV,
# the format the media player reads without resampling. Needs espeak-ng and sox.
#
#   sh sip-config/sounds/make-sounds.sh
set -eu

cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# say NAME TEXT: speak TEXT with espeak-ng, then convert to 8 kHz mono 16-bit with sox.
# "norm -3" evens out loudness between prompts; "pad 0.2 0.3" keeps the first syllable from being
# clipped by the first RTP packets and leaves a breath before whatever plays next.
say() {
  espeak-ng -v en-us -s 150 -w "$tmp/$1.wav" "$2"
  sox "$tmp/$1.wav" -r 8000 -c 1 -b 16 -e signed-integer "$1.wav" norm -3 pad 0.2 0.3
}

say welcome "Welcome to Tawag."
say goodbye "Thank you for calling. Goodbye."
say demo-menu "For an echo test, press 1. To hear goodbye, press 2. To reach support, press 9."
say invalid "Sorry, that is not a valid choice."
say queue-unavailable "Sorry, no operator can take your call right now. Please call again later."

# Queue announcements, played one after another (PromptSequence): "You are number | twenty |
# one | in the queue. | Your estimated wait is | about | three | minutes. | To leave a callback
# request, press | star." Parts are cut tight (silence trimmed at both ends, a short pause after)
# so numbers built of two parts ("twenty" "one") sound like one word.
part() {
  espeak-ng -v en-us -s 150 -w "$tmp/$1.wav" "$2"
  sox "$tmp/$1.wav" -r 8000 -c 1 -b 16 -e signed-integer "$1.wav" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -3 pad 0.05 "${3:-0.1}"
}

part you-are-number "You are number" 0.05
part in-the-queue "in the queue." 0.4
part position-100-or-more "You are number one hundred or more in the queue." 0.4
part estimated-wait-is "Your estimated wait is" 0.05
part less-than-a-minute "less than a minute." 0.4
part about "about" 0.05
part more-than "more than" 0.05
part minute "minute." 0.4
part minutes "minutes." 0.4
part callback-press "To leave a callback request, press" 0.05
part callback-thanks "Thank you. We will call you back. Goodbye." 0.3
part key-star "star." 0.4
part key-pound "pound." 0.4
n=0
for word in zero one two three four five six seven eight nine ten eleven twelve thirteen \
  fourteen fifteen sixteen seventeen eighteen nineteen; do
  part "number-$n" "$word" 0.05
  n=$((n + 1))
done
for tens in 2:twenty 3:thirty 4:forty 5:fifty 6:sixty 7:seventy 8:eighty 9:ninety; do
  part "number-${tens%%:*}0" "${tens#*:}" 0.05
done

# Hold music: a slow I - vi - IV - V progression in C, four 3-second chords of soft sine tones
# with a fade in and out on each chord so the 12-second loop joins without a click.
chord() {
  name=$1
  shift
  for f in "$@"; do
    sox -n -r 8000 -c 1 -b 16 -e signed-integer "$tmp/$name-$f.wav" synth 3 sine "$f"
  done
  # -m mixes the tones at 1/n volume each, so the sum never clips.
  sox -m "$tmp/$name"-*.wav "$tmp/$name.wav" fade q 0.4 3 0.6
}
chord c 130.81 261.63 329.63 392.00   # C major
chord a 110.00 220.00 261.63 329.63   # A minor
chord f 87.31 174.61 261.63 349.23    # F major
chord g 98.00 196.00 246.94 392.00    # G major
sox "$tmp/c.wav" "$tmp/a.wav" "$tmp/f.wav" "$tmp/g.wav" \
  -r 8000 -c 1 -b 16 -e signed-integer hold-music.wav norm -6
