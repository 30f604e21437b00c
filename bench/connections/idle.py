#!/usr/bin/env python3
"""Opens N keep-alive connections to HOST:PORT, sends one GET of PATH on
each, reads each answer whole, and holds them all open, idle, until stdin
closes. Prints how many are held, and how many failed (refused, reset,
time-outs), then waits.

    idle.py HOST PORT PATH N
"""
import asyncio
import resource
import sys


async def one(host, port, path, held):
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 20)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: br\r\n\r\n".encode())
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 20)
        length = 0
        for line in head.decode("latin-1").split("\r\n"):
            if line.lower().startswith("content-length:"):
                length = int(line.split(":", 1)[1])
        await asyncio.wait_for(reader.readexactly(length), 20)
        if not head.startswith(b"HTTP/1.1 200"):
            return False
        held.append(writer)
        return True
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
        return False


async def main():
    host, port, path, n = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    held = []
    results = []
    # In waves, so that the listen backlog is not the limit.
    for start in range(0, n, 500):
        results += await asyncio.gather(*(one(host, port, path, held) for _ in range(start, min(n, start + 500))))
    print(f"held {len(held)} failed {results.count(False)}", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    for writer in held:
        writer.close()


asyncio.run(main())
