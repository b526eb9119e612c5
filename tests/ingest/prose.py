"""Paragraphs of a made-up local news story, for the HTML tests to lay out in page shapes."""

LEAD = (
    "The harbour board voted on Tuesday evening to close the old ferry slip for repairs, a decision "
    "that leaves the island's morning commuters without their usual crossing for most of the spring."
)

SECOND = (
    "Board members said the concrete under the slip had cracked in two places during the January storms "
    "and that divers had found the steel piles badly corroded where the tide rises and falls."
)

THIRD = (
    "A temporary pontoon will be moored beside the fish market, and the ferry company said its timetable "
    "would stay the same, although passengers should expect a longer walk to the town centre."
)

FOURTH = (
    "Councillors from the island wards asked for a shuttle bus between the pontoon and the station, and "
    "the board agreed to look at the cost before its meeting at the end of the month."
)
