// Runs once, when the MongoDB container starts on an empty data directory
// (/docker-entrypoint-initdb.d, as the root user): one user per Vigil database, readWrite on
// that database only, authenticating against it. For an existing data directory run it by
// hand (docs/operations.md); it updates users that exist.
const users = [
  { user: 'catalog', db: 'vigil-catalog', password: 'MONGO_CATALOG_PASSWORD' },
  { user: 'identity', db: 'vigil-identity', password: 'MONGO_IDENTITY_PASSWORD' },
  { user: 'notification', db: 'vigil-notification', password: 'MONGO_NOTIFICATION_PASSWORD' },
];
for (const { user, db: name, password } of users) {
  const pwd = process.env[password];
  if (!pwd) {
    throw new Error(password + ' is not set: the ' + user + ' user of ' + name + ' needs it');
  }
  const database = db.getSiblingDB(name);
  const roles = [{ role: 'readWrite', db: name }];
  if (database.getUser(user)) {
    database.updateUser(user, { pwd, roles });
  } else {
    database.createUser({ user, pwd, roles });
  }
  print('vigil: user ' + user + ' has readWrite on ' + name);
}
