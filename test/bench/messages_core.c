/*
 * messages_core.c
 *		The message parser alone (plain-C core, no server): parse every
 *		file named on the command line, in a loop, for about SECONDS
 *		seconds of CPU time, and print messages per second of CPU time on
 *		this one core (CPU time, not wall time: the machine may be shared),
 *		and the wall-clock rate beside it.
 *
 *	messages_core SECONDS FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bouncemsg.h"

int
main(int argc, char **argv)
{
	double		want;
	int			nfiles = argc - 2;
	char	  **data;
	size_t	   *len;
	long		done = 0;
	long		rows = 0;
	struct timespec t0,
				t1;
	double		el = 0;
	clock_t		c0;
	double		cpu = 0;

	if (argc < 3)
	{
		fprintf(stderr, "usage: %s SECONDS FILE...\n", argv[0]);
		return 2;
	}
	want = atof(argv[1]);
	data = calloc(nfiles, sizeof(char *));
	len = calloc(nfiles, sizeof(size_t));
	for (int i = 0; i < nfiles; i++)
	{
		FILE	   *f = fopen(argv[i + 2], "rb");
		long		n;

		if (f == NULL)
		{
			perror(argv[i + 2]);
			return 2;
		}
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		fseek(f, 0, SEEK_SET);
		data[i] = malloc((size_t) n + 1);
		len[i] = fread(data[i], 1, (size_t) n, f);
		fclose(f);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	c0 = clock();
	while (cpu < want)
	{
		for (int i = 0; i < nfiles; i++)
		{
			BnMessage	m;

			if (bn_message_parse(data[i], len[i], &m) == BN_MSG_OK)
				rows += m.n;
			bn_message_free(&m);
		}
		done += nfiles;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		el = (double) (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
		cpu = (double) (clock() - c0) / CLOCKS_PER_SEC;
	}
	printf("core alone: %ld messages (%ld rows) in %.2f s CPU (%.2f s wall): "
		   "%.0f messages per CPU second (%.0f per wall second)\n",
		   done, rows, cpu, el, done / cpu, done / el);
	return 0;
}
