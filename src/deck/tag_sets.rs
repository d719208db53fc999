//! A deck's cards' tag lists, each kept once: cards mostly repeat a few lists, and a list of
//! its own per card costs two allocations (the list and its tag) for each of 55,000 cards.

use std::collections::HashSet;
use std::sync::Arc;

/// The tag lists handed out so far.
#[derive(Debug, Default)]
pub(crate) struct TagSets(HashSet<Arc<[String]>>);

impl TagSets {
    /// `tags` as a list shared with every earlier one equal to it.
    pub(crate) fn share(&mut self, tags: &[String]) -> Arc<[String]> {
        if let Some(shared) = self.0.get(tags) {
            return Arc::clone(shared);
        }
        let shared: Arc<[String]> = Arc::from(tags);
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|&tag| tag.to_owned()).collect()
    }

    #[test]
    fn equal_lists_are_one_list_and_others_are_not() {
        let mut sets = TagSets::default();
        let first = sets.share(&tags(&["geo", "eu"]));
        let again = sets.share(&tags(&["geo", "eu"]));
        let reordered = sets.share(&tags(&["eu", "geo"]));
        let none = sets.share(&[]);
        assert!(Arc::ptr_eq(&first, &again));
        assert!(!Arc::ptr_eq(&first, &reordered));
        assert_eq!(*first, tags(&["geo", "eu"]));
        assert_eq!(*reordered, tags(&["eu", "geo"]));
        assert!(none.is_empty());
    }
}
