//! TeX math (`$…$`, `$$…$$`) as Unicode text, for a documented subset: Greek letters, sub-
//! and superscripts that Unicode has, common operators, arrows and set symbols, blackboard
//! letters, `\frac{a}{b}` as `a/b` and `\sqrt{x}` as `√x`. Anything outside the subset makes
//! the whole formula unsupported, so that the card shows its source rather than half of it.

/// `source` (without its `$` delimiters) as Unicode, or `None` when it uses anything outside
/// the subset (`docs/deck-format.md` lists it).
#[must_use]
pub fn to_unicode(source: &str) -> Option<String> {
    let mut parser = Parser {
        chars: source.chars().collect(),
        at: 0,
    };
    let out = parser.sequence(false)?;
    // One space wherever the source or its spacing commands (`\,`, `\;`, `\quad`) leave
    // several, as TeX draws one gap there.
    (parser.at == parser.chars.len()).then(|| out.split_whitespace().collect::<Vec<_>>().join(" "))
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    /// Atoms up to the end, or up to the `}` closing a group when `in_group`.
    fn sequence(&mut self, in_group: bool) -> Option<String> {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if c == '}' {
                if in_group {
                    return Some(out);
                }
                return None;
            }
            match c {
                '^' | '_' => {
                    self.at += 1;
                    let script = self.argument()?;
                    out.push_str(&scripted(&script, c == '^')?);
                }
                _ => out.push_str(&self.atom()?),
            }
        }
        // A group never closed is not TeX.
        (!in_group).then_some(out)
    }

    /// One `{group}`, command or character.
    fn atom(&mut self) -> Option<String> {
        match self.next()? {
            '{' => {
                let inner = self.sequence(true)?;
                self.at += 1;
                Some(inner)
            }
            '\\' => self.command(),
            c => Some(c.to_string()),
        }
    }

    /// The argument of `^`, `_` or a command: a group or a single atom, spaces before it skipped.
    fn argument(&mut self) -> Option<String> {
        while self.peek() == Some(' ') {
            self.at += 1;
        }
        self.atom()
    }

    fn command(&mut self) -> Option<String> {
        let first = self.next()?;
        if !first.is_ascii_alphabetic() {
            // `\{`, `\,` and other one-character commands.
            return match first {
                '{' | '}' | '%' | '$' | '#' | '&' | '_' => Some(first.to_string()),
                ',' | ';' | ':' | ' ' => Some(" ".to_owned()),
                '!' => Some(String::new()),
                _ => None,
            };
        }
        let mut name = first.to_string();
        while let Some(c) = self.peek().filter(char::is_ascii_alphabetic) {
            name.push(c);
            self.at += 1;
        }
        match name.as_str() {
            "frac" => {
                let (top, bottom) = (self.argument()?, self.argument()?);
                Some(format!("{}/{}", bracketed(&top), bracketed(&bottom)))
            }
            "sqrt" => self.root(),
            "text" | "mathrm" | "mathit" | "mathbf" | "operatorname" => self.argument(),
            "mathbb" => self.argument()?.chars().map(double_struck).collect(),
            "left" | "right" => {
                let delimiter = self.argument()?;
                Some(if delimiter == "." {
                    String::new()
                } else {
                    delimiter
                })
            }
            "quad" | "qquad" => Some(" ".to_owned()),
            _ => symbol(&name).map(str::to_owned),
        }
    }

    /// `\sqrt{x}` as `√x` (`√(x+1)` for more than one atom), `\sqrt[3]{x}` as `∛x`.
    fn root(&mut self) -> Option<String> {
        let sign = if self.peek() == Some('[') {
            self.at += 1;
            let index: String = std::iter::from_fn(|| self.next())
                .take_while(|c| *c != ']')
                .collect();
            match index.trim() {
                "2" => '√',
                "3" => '∛',
                "4" => '∜',
                _ => return None,
            }
        } else {
            '√'
        };
        Some(format!("{sign}{}", bracketed(&self.argument()?)))
    }
}

/// `text` as one operand of `/` or `√`: in brackets unless it is a single number, letter or
/// symbol run.
fn bracketed(text: &str) -> String {
    let simple = text.chars().all(char::is_alphanumeric) || text.chars().count() == 1;
    if simple {
        text.to_owned()
    } else {
        format!("({text})")
    }
}

/// `text` raised (`up`) or lowered, if Unicode has every character of it in that position.
fn scripted(text: &str, up: bool) -> Option<String> {
    const PLAIN: &str = "0123456789+-=()";
    const UP: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾";
    const DOWN: &str = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎";
    const UP_LETTERS: [(char, char); 17] = [
        ('a', 'ᵃ'),
        ('b', 'ᵇ'),
        ('c', 'ᶜ'),
        ('d', 'ᵈ'),
        ('e', 'ᵉ'),
        ('i', 'ⁱ'),
        ('j', 'ʲ'),
        ('k', 'ᵏ'),
        ('m', 'ᵐ'),
        ('n', 'ⁿ'),
        ('o', 'ᵒ'),
        ('p', 'ᵖ'),
        ('r', 'ʳ'),
        ('s', 'ˢ'),
        ('t', 'ᵗ'),
        ('x', 'ˣ'),
        ('y', 'ʸ'),
    ];
    const DOWN_LETTERS: [(char, char); 14] = [
        ('a', 'ₐ'),
        ('e', 'ₑ'),
        ('h', 'ₕ'),
        ('i', 'ᵢ'),
        ('j', 'ⱼ'),
        ('k', 'ₖ'),
        ('m', 'ₘ'),
        ('n', 'ₙ'),
        ('o', 'ₒ'),
        ('p', 'ₚ'),
        ('r', 'ᵣ'),
        ('s', 'ₛ'),
        ('t', 'ₜ'),
        ('x', 'ₓ'),
    ];
    let (digits, letters): (&str, &[(char, char)]) = if up {
        (UP, &UP_LETTERS)
    } else {
        (DOWN, &DOWN_LETTERS)
    };
    text.chars()
        .map(|c| {
            let c = if c == '−' { '-' } else { c };
            PLAIN
                .chars()
                .position(|p| p == c)
                .and_then(|i| digits.chars().nth(i))
                .or_else(|| letters.iter().find(|(l, _)| *l == c).map(|(_, s)| *s))
        })
        .collect()
}

/// The blackboard-bold letter for `\mathbb{…}` (ℕ, ℤ, ℚ, ℝ, ℂ and the rest of A–Z).
fn double_struck(c: char) -> Option<char> {
    match c {
        'C' => Some('ℂ'),
        'H' => Some('ℍ'),
        'N' => Some('ℕ'),
        'P' => Some('ℙ'),
        'Q' => Some('ℚ'),
        'R' => Some('ℝ'),
        'Z' => Some('ℤ'),
        // U+1D538 is 𝔸; the seven above have older code points and leave gaps here.
        'A'..='Z' => char::from_u32(0x1D538 + (u32::from(c) - u32::from('A'))),
        _ => None,
    }
}

/// The Unicode of a command without arguments.
fn symbol(name: &str) -> Option<&'static str> {
    GREEK
        .iter()
        .chain(SYMBOLS)
        .find(|(command, _)| *command == name)
        .map(|(_, shown)| *shown)
}

const GREEK: &[(&str, &str)] = &[
    ("alpha", "α"),
    ("beta", "β"),
    ("gamma", "γ"),
    ("delta", "δ"),
    ("epsilon", "ϵ"),
    ("varepsilon", "ε"),
    ("zeta", "ζ"),
    ("eta", "η"),
    ("theta", "θ"),
    ("vartheta", "ϑ"),
    ("iota", "ι"),
    ("kappa", "κ"),
    ("lambda", "λ"),
    ("mu", "μ"),
    ("nu", "ν"),
    ("xi", "ξ"),
    ("pi", "π"),
    ("rho", "ρ"),
    ("sigma", "σ"),
    ("tau", "τ"),
    ("upsilon", "υ"),
    ("phi", "ϕ"),
    ("varphi", "φ"),
    ("chi", "χ"),
    ("psi", "ψ"),
    ("omega", "ω"),
    ("Gamma", "Γ"),
    ("Delta", "Δ"),
    ("Theta", "Θ"),
    ("Lambda", "Λ"),
    ("Xi", "Ξ"),
    ("Pi", "Π"),
    ("Sigma", "Σ"),
    ("Upsilon", "Υ"),
    ("Phi", "Φ"),
    ("Psi", "Ψ"),
    ("Omega", "Ω"),
];

const SYMBOLS: &[(&str, &str)] = &[
    ("times", "×"),
    ("cdot", "·"),
    ("pm", "±"),
    ("mp", "∓"),
    ("div", "÷"),
    ("le", "≤"),
    ("leq", "≤"),
    ("ge", "≥"),
    ("geq", "≥"),
    ("ne", "≠"),
    ("neq", "≠"),
    ("approx", "≈"),
    ("equiv", "≡"),
    ("sim", "∼"),
    ("propto", "∝"),
    ("infty", "∞"),
    ("partial", "∂"),
    ("nabla", "∇"),
    ("sum", "∑"),
    ("prod", "∏"),
    ("int", "∫"),
    ("oint", "∮"),
    ("circ", "∘"),
    ("degree", "°"),
    ("ldots", "…"),
    ("cdots", "⋯"),
    ("to", "→"),
    ("rightarrow", "→"),
    ("leftarrow", "←"),
    ("leftrightarrow", "↔"),
    ("Rightarrow", "⇒"),
    ("implies", "⇒"),
    ("Leftarrow", "⇐"),
    ("Leftrightarrow", "⇔"),
    ("iff", "⇔"),
    ("mapsto", "↦"),
    ("uparrow", "↑"),
    ("downarrow", "↓"),
    ("in", "∈"),
    ("notin", "∉"),
    ("ni", "∋"),
    ("subset", "⊂"),
    ("subseteq", "⊆"),
    ("supset", "⊃"),
    ("supseteq", "⊇"),
    ("cup", "∪"),
    ("cap", "∩"),
    ("setminus", "∖"),
    ("emptyset", "∅"),
    ("varnothing", "∅"),
    ("forall", "∀"),
    ("exists", "∃"),
    ("neg", "¬"),
    ("lnot", "¬"),
    ("land", "∧"),
    ("wedge", "∧"),
    ("lor", "∨"),
    ("vee", "∨"),
    ("oplus", "⊕"),
    ("otimes", "⊗"),
    ("perp", "⊥"),
    ("parallel", "∥"),
    ("angle", "∠"),
    ("langle", "⟨"),
    ("rangle", "⟩"),
    ("sin", "sin"),
    ("cos", "cos"),
    ("tan", "tan"),
    ("log", "log"),
    ("ln", "ln"),
    ("exp", "exp"),
    ("lim", "lim"),
    ("max", "max"),
    ("min", "min"),
];

#[cfg(test)]
mod tests {
    use super::to_unicode;

    #[test]
    fn the_subset_reads_as_unicode() {
        let cases = [
            (r"\alpha + \beta", "α + β"),
            ("x^2 + y^{10}", "x² + y¹⁰"),
            ("a_1 + a_{n-1}", "a₁ + aₙ₋₁"),
            (r"\frac{a}{b}", "a/b"),
            (r"\frac{a+b}{2}", "(a+b)/2"),
            (r"\sqrt{2}", "√2"),
            (r"\sqrt{x+1}", "√(x+1)"),
            (r"\sqrt[3]{8} = 2", "∛8 = 2"),
            (r"x \in \mathbb{R}", "x ∈ ℝ"),
            (r"A \cup B \subseteq C", "A ∪ B ⊆ C"),
            (r"f: X \to Y", "f: X → Y"),
            (r"\forall \epsilon > 0 \exists \delta", "∀ ϵ > 0 ∃ δ"),
            (r"a \le b \ne c", "a ≤ b ≠ c"),
            (r"e^{i}", "eⁱ"),
            (r"\left( x \right)", "( x )"),
            (r"\text{speed} = \frac{d}{t}", "speed = d/t"),
            // Thin, medium and thick spaces are one space among the others; `\!` none.
            (r"\int_0^1 x^2 \, dx", "∫₀¹ x² dx"),
            (r"a \; b \: c\,d", "a b c d"),
            (r"n\!\!\!m", "nm"),
        ];
        for (source, shown) in cases {
            assert_eq!(to_unicode(source).as_deref(), Some(shown), "{source}");
        }
    }

    #[test]
    fn anything_outside_the_subset_is_not_converted() {
        // No superscript π in Unicode; an unknown command; a group never closed.
        for source in [
            r"e^{i\pi}",
            r"\begin{matrix}",
            r"\frac{a}{b",
            "x}",
            r"\sqrt[5]{x}",
        ] {
            assert_eq!(to_unicode(source), None, "{source}");
        }
    }
}
