// Progressive enhancement only: every page works without this file.
// The live session console (a session's page following its event stream) is in live.js, which only the
// session page loads.
