//! The join address as a QR code: a square of dark and light modules, for
//! the lobby's image and the terminal of `leafquiz host --headless`.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code's modules, row by row (`true`: dark), without the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrModules {
    pub width: usize,
    pub dark: Vec<bool>,
}

/// Encodes `text` (a join URL: short, ASCII) with medium error correction,
/// which survives a phone camera at a few metres from a TV.
pub fn encode(text: &str) -> Option<QrModules> {
    let code = QrCode::with_error_correction_level(text, EcLevel::M).ok()?;
    Some(QrModules {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
    })
}

impl QrModules {
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// The code drawn with half-block characters for a terminal, two
    /// module rows per line, dark on light, with a quiet zone of 2.
    pub fn to_terminal(&self) -> String {
        let quiet = 2isize;
        let w = self.width as isize;
        let dark = |x: isize, y: isize| x >= 0 && y >= 0 && self.is_dark(x as usize, y as usize);
        let mut out = String::new();
        let mut y = -quiet;
        while y < w + quiet {
            for x in -quiet..w + quiet {
                out.push(match (dark(x, y), dark(x, y + 1)) {
                    (false, false) => '█',
                    (true, false) => '▄',
                    (false, true) => '▀',
                    (true, true) => ' ',
                });
            }
            out.push('\n');
            y += 2;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_url_encodes_to_a_square_with_finder_patterns() {
        let qr = encode("http://192.168.1.20:7878/?room=KQTW").expect("encodes");
        assert!(
            qr.width >= 21 && (qr.width - 17).is_multiple_of(4),
            "a QR size"
        );
        assert_eq!(qr.dark.len(), qr.width * qr.width);
        // The three finder patterns have dark corners; the fourth corner is free.
        let w = qr.width;
        assert!(qr.is_dark(0, 0) && qr.is_dark(w - 1, 0) && qr.is_dark(0, w - 1));
        assert!(!qr.is_dark(7, 7), "separator around the top-left finder");
    }

    #[test]
    fn the_terminal_code_has_a_line_per_two_rows() {
        let qr = encode("http://10.0.0.2:7878/?room=ABCD").expect("encodes");
        let text = qr.to_terminal();
        assert_eq!(text.lines().count(), (qr.width + 4).div_ceil(2));
        assert!(text.lines().all(|l| l.chars().count() == qr.width + 4));
    }
}
