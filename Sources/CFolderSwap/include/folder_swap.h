#ifndef THIDUA_FOLDER_SWAP_H
#define THIDUA_FOLDER_SWAP_H

/// Exchanges two paths atomically (Linux renameat2 with RENAME_EXCHANGE): at every
/// moment each name holds one of the two folders whole. Returns 0, or -1 with errno
/// set (ENOSYS or EINVAL where the system or the file system cannot exchange).
int thidua_exchange_paths(const char *first, const char *second);

#endif
