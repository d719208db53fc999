//! Reading what the binary wrote to the review log.

use std::path::Path;

/// Every line of every log file in `reviews` (none if the folder is not there yet).
pub fn lines(reviews: &Path) -> Vec<String> {
    let Ok(files) = std::fs::read_dir(reviews) else {
        return Vec::new();
    };
    files
        .flat_map(|file| {
            std::fs::read_to_string(file.unwrap().path())
                .unwrap()
                .lines()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}
