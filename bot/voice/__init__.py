"""The audio guide's sound: its spoken clips, made at build time (`make media`, with espeak-ng
from the `espeakng-loader` wheel), and its voice notes, composed from them at run time."""
