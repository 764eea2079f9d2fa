#ifndef AIRCOVER_ATOMIC_RENAME_H
#define AIRCOVER_ATOMIC_RENAME_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE):
/// after the call each name refers to what the other referred to, with no
/// moment at which either is missing. Returns 0, or -1 with errno set
/// (EINVAL or ENOSYS where the file system or kernel cannot exchange).
int aircover_rename_exchange(const char *from, const char *to);

/// Renames `from` to `to` only when `to` does not exist (RENAME_NOREPLACE):
/// -1 with errno EEXIST when it does. Returns 0 on success.
int aircover_rename_noreplace(const char *from, const char *to);

#endif
