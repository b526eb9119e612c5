"""Word lists the text stages use as evidence, kept as data in one place.

These are the generic words of web-page furniture, not names from any one
site: a line is only chrome when its *shape* agrees (short, unpunctuated, at
the edges of the page) or when it is wholly one of these phrases.
"""

from __future__ import annotations

# A line that is exactly one of these (case and punctuation ignored) is chrome.
CHROME_PHRASES = frozenset(
    """
    page nav|nav|navigation|hide|show|pages|classic header|header|footer|menu|main menu|
    home|homepage|search|skip to content|skip to main content|breaking news|breaking|
    latest|latest news|latest stories|trending|trending now|popular|most read|most popular|
    advertisement|advert|sponsored|sponsored content|promoted|ad|ads|read more|read next|
    more|see more|load more|show more|continue reading|share|share this|share this article|
    share on facebook|share on twitter|tweet|email|print|copy link|follow|follow us|
    subscribe|subscribe now|sign up|sign in|log in|login|register|my account|
    related|related articles|related stories|related topics|more on this story|
    you may also like|recommended|comments|no comments|view comments|add comment|
    leave a comment|back to top|top|close|open|toggle navigation|previous|next|
    previous article|next article|tags|topics|categories|accept|accept all|
    accept cookies|privacy policy|terms of use|terms and conditions|contact us|about us|
    all rights reserved|watch|listen|video|photos|gallery|live|opinion|news|world|
    sport|business|politics|technology|science|health|entertainment|lifestyle|travel
    """.split("|")
)
CHROME_PHRASES = frozenset(" ".join(p.split()) for p in CHROME_PHRASES)

# Words that make a short line a call to action or a notice wherever it stands.
CHROME_CUES = (
    "newsletter",
    "cookie",
    "cookies",
    "subscribe",
    "sign up",
    "follow us",
    "share this",
    "all rights reserved",
    "copyright",
    "advertisement",
    "click here",
    "download our app",
    "enable javascript",
)

# Verbs and phrases that say a line describes a picture (a caption).
PICTURE_CUES = (
    "pictured",
    "picture",
    "photo",
    "photograph",
    "image",
    "seen",
    "shown",
    "stands",
    "stand",
    "gather",
    "gathers",
    "poses",
    "pose",
    "sits",
    "sit",
    "arrive",
    "arrives",
    "walks",
    "walk",
    "looks on",
    "above",
    "below",
    "left",
    "right",
    "file photo",
    "credit",
    "getty",
    "reuters",
    "ap photo",
)
