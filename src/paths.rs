//! Where decks, data and config live: a command-line flag, else an environment variable, else
//! a default. This is the only user of `directories`.

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

pub const DECKS_ENV: &str = "FLASHDECK_DECKS";
pub const DATA_DIR_ENV: &str = "FLASHDECK_DATA_DIR";
pub const CONFIG_ENV: &str = "FLASHDECK_CONFIG";

/// How a location was chosen, shown by `--version` so users can see why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Env(&'static str),
    WorkingDir,
    Default,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Flag => f.write_str("from the command line"),
            Self::Env(name) => write!(f, "from ${name}"),
            Self::WorkingDir => f.write_str("./decks in the working directory"),
            Self::Default => f.write_str("default"),
        }
    }
}

/// A resolved path and why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub origin: Origin,
}

/// All of flashdeck's locations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locations {
    pub decks: Location,
    pub data_dir: Location,
    pub config: Location,
}

impl Locations {
    /// The bundled deck joins the deck list only in the default deck folder, where a user who
    /// imported one deck should not lose the example; an explicit folder shows just its files.
    #[must_use]
    pub fn includes_bundled_deck(&self) -> bool {
        self.decks.origin == Origin::Default
    }

    /// Where `import` writes a deck when no `-o` is given: the decks folder in use, so the
    /// deck is listed and studied at once.
    #[must_use]
    pub fn import_dir(&self) -> PathBuf {
        self.decks.path.clone()
    }
}

/// Values given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub decks: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub config: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum PathsError {
    #[error(
        "cannot find your home directory to place flashdeck's files; pass --data-dir and \
         --config, or set {DATA_DIR_ENV} and {CONFIG_ENV}"
    )]
    NoHome,
}

/// The platform's directories for flashdeck, when a home directory exists.
#[derive(Debug, Clone)]
pub struct Defaults {
    pub data_dir: Option<PathBuf>,
    pub config_dir: Option<PathBuf>,
}

impl Defaults {
    #[must_use]
    pub fn from_platform() -> Self {
        let dirs = ProjectDirs::from("", "", "flashdeck");
        Self {
            data_dir: dirs.as_ref().map(|d| d.data_dir().to_path_buf()),
            config_dir: dirs.as_ref().map(|d| d.config_dir().to_path_buf()),
        }
    }
}

/// Resolves every location. `env` looks up an environment variable; `cwd` is the working
/// directory. Both are parameters so tests need not touch the real environment.
pub fn resolve(
    overrides: &Overrides,
    env: impl Fn(&str) -> Option<OsString>,
    cwd: &Path,
    defaults: &Defaults,
) -> Result<Locations, PathsError> {
    let env_path = |name: &'static str| {
        env(name)
            .filter(|value| !value.is_empty())
            .map(|value| Location {
                path: PathBuf::from(value),
                origin: Origin::Env(name),
            })
    };
    let flag = |path: &Option<PathBuf>| {
        path.clone().map(|path| Location {
            path,
            origin: Origin::Flag,
        })
    };
    let data_dir = flag(&overrides.data_dir)
        .or_else(|| env_path(DATA_DIR_ENV))
        .or_else(|| {
            defaults.data_dir.clone().map(|path| Location {
                path,
                origin: Origin::Default,
            })
        })
        .ok_or(PathsError::NoHome)?;
    let working_decks = cwd.join("decks");
    let decks = flag(&overrides.decks)
        .or_else(|| env_path(DECKS_ENV))
        .or_else(|| {
            working_decks.is_dir().then_some(Location {
                path: working_decks,
                origin: Origin::WorkingDir,
            })
        })
        .unwrap_or_else(|| Location {
            path: data_dir.path.join("decks"),
            origin: Origin::Default,
        });
    let config = flag(&overrides.config)
        .or_else(|| env_path(CONFIG_ENV))
        .or_else(|| {
            defaults.config_dir.as_ref().map(|dir| Location {
                path: dir.join("config.toml"),
                origin: Origin::Default,
            })
        })
        .ok_or(PathsError::NoHome)?;
    Ok(Locations {
        decks,
        data_dir,
        config,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> Defaults {
        Defaults {
            data_dir: Some(PathBuf::from("/home/u/.local/share/flashdeck")),
            config_dir: Some(PathBuf::from("/home/u/.config/flashdeck")),
        }
    }

    fn no_env(_: &str) -> Option<OsString> {
        None
    }

    #[test]
    fn flag_beats_environment_beats_default() {
        let env = |name: &str| (name == DATA_DIR_ENV).then(|| OsString::from("/env/data"));
        let cwd = Path::new("/nonexistent-cwd");
        let from_env = resolve(&Overrides::default(), env, cwd, &defaults()).unwrap();
        assert_eq!(from_env.data_dir.path, Path::new("/env/data"));
        assert_eq!(from_env.data_dir.origin, Origin::Env(DATA_DIR_ENV));
        // With no deck folder anywhere, decks live under the data dir, bundled deck included.
        assert_eq!(from_env.decks.path, Path::new("/env/data/decks"));
        assert!(from_env.includes_bundled_deck());

        let overrides = Overrides {
            data_dir: Some(PathBuf::from("/flag/data")),
            decks: Some(PathBuf::from("/flag/decks")),
            config: Some(PathBuf::from("/flag/c.toml")),
        };
        let from_flags = resolve(&overrides, env, cwd, &defaults()).unwrap();
        assert_eq!(from_flags.data_dir.path, Path::new("/flag/data"));
        assert_eq!(from_flags.decks.path, Path::new("/flag/decks"));
        assert_eq!(from_flags.config.path, Path::new("/flag/c.toml"));
        assert!(!from_flags.includes_bundled_deck());

        let from_defaults = resolve(&Overrides::default(), no_env, cwd, &defaults()).unwrap();
        assert_eq!(
            from_defaults.config.path,
            Path::new("/home/u/.config/flashdeck/config.toml")
        );
        assert_eq!(from_defaults.config.origin, Origin::Default);
    }

    #[test]
    fn a_decks_folder_in_the_working_directory_is_used() {
        let cwd = tempfile::tempdir().unwrap();
        std::fs::create_dir(cwd.path().join("decks")).unwrap();
        let locations = resolve(&Overrides::default(), no_env, cwd.path(), &defaults()).unwrap();
        assert_eq!(locations.decks.path, cwd.path().join("decks"));
        assert_eq!(locations.decks.origin, Origin::WorkingDir);
    }

    #[test]
    fn no_home_is_a_clear_error_unless_paths_are_given() {
        let none = Defaults {
            data_dir: None,
            config_dir: None,
        };
        let cwd = Path::new("/nonexistent-cwd");
        assert!(matches!(
            resolve(&Overrides::default(), no_env, cwd, &none),
            Err(PathsError::NoHome)
        ));
        let overrides = Overrides {
            data_dir: Some(PathBuf::from("/d")),
            config: Some(PathBuf::from("/c.toml")),
            decks: None,
        };
        assert!(resolve(&overrides, no_env, cwd, &none).is_ok());
    }
}
