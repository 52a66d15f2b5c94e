//! The model types that the data files, the build-time compiler and the core share: where a
//! provision belongs and how far its transcription is checked. One definition, so the compiler's
//! validation and the generated code can never disagree with the types the core uses.

/// Where a paragraph belongs in the document. Alignment never pairs across parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// The covering letter to the Secretary-General.
    Letter,
    /// The preambular paragraphs of the draft resolution.
    Preamble,
    /// "Purpose and scope".
    Purpose,
    /// The code of conduct itself: the chapeau and the numbered or lettered items.
    Code,
}

impl Part {
    /// Every part, in document order.
    pub const ALL: [Part; 4] = [Part::Letter, Part::Preamble, Part::Purpose, Part::Code];

    /// The identifier used in data files and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Part::Letter => "letter",
            Part::Preamble => "preamble",
            Part::Purpose => "purpose",
            Part::Code => "code",
        }
    }

    /// The heading shown to readers.
    pub fn heading(self) -> &'static str {
        match self {
            Part::Letter => "Covering letter",
            Part::Preamble => "Preamble",
            Part::Purpose => "Purpose and scope",
            Part::Code => "Code of conduct",
        }
    }

    /// Parses [`Part::key`] back.
    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// How far a transcribed paragraph has been checked against verbatim sources (see SOURCES.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The whole paragraph was seen verbatim in at least one source.
    Verified,
    /// Parts were seen verbatim; the rest is transcribed without confirmation.
    Partial,
    /// No verbatim quotation was found; the wording is unconfirmed.
    Recalled,
}

impl Status {
    /// The identifier used in data files and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Partial => "partial",
            Status::Recalled => "recalled",
        }
    }

    /// Every status, from most to least checked.
    pub const ALL: [Status; 3] = [Status::Verified, Status::Partial, Status::Recalled];

    /// Parses [`Status::key`] back.
    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// A one-line explanation for readers.
    pub fn explanation(self) -> &'static str {
        match self {
            Status::Verified => "Verified: the whole paragraph was seen verbatim in at least one source.",
            Status::Partial => "Partly verified: parts were seen verbatim; the rest is unconfirmed.",
            Status::Recalled => "Unconfirmed: no verbatim quotation of this paragraph was found.",
        }
    }
}
