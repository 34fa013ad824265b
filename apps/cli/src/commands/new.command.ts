import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { runInstrumentGenerator, runPluginGenerator, type NewInstrumentOptions, type NewPluginOptions } from './new-plugin.js';

/** `enplan new plugin <name>`: the workspace's Nx plugin generator, for people who do not know Nx. */
@SubCommand({
  name: 'plugin',
  arguments: '<name>',
  description: 'Create plugins/<name>: a working organisational-model plugin with tests, README, catalogue entry and deployment example',
})
export class NewPluginCommand extends CommandRunner {
  async run([name]: string[], o: NewPluginOptions = {}): Promise<void> {
    await runPluginGenerator(name, o);
  }

  @Option({ flags: '-d, --description <text>', description: 'one sentence on what the model does (in the definition and README)' })
  parseDescription(v: string) {
    return v;
  }

  @Option({ flags: '--display-name <text>', description: 'shown to users and integrators (default: the name in title case)' })
  parseDisplayName(v: string) {
    return v;
  }

  @Option({ flags: '--dry-run', description: 'show the files it would create or change, write nothing' })
  parseDryRun() {
    return true;
  }
}

/** `enplan new instrument <name>`: the workspace's Nx instrument generator (a progression instrument as data). */
@SubCommand({
  name: 'instrument',
  arguments: '<name>',
  description: 'Create a progression instrument: a definition with one item of each kind and its scoring, a test, an example answer set, registered with the shipped instruments',
})
export class NewInstrumentCommand extends CommandRunner {
  async run([name]: string[], o: NewInstrumentOptions = {}): Promise<void> {
    await runInstrumentGenerator(name, o);
  }

  @Option({ flags: '-t, --title <text>', description: 'the title in Danish (default: the name in sentence case)' })
  parseTitle(v: string) {
    return v;
  }

  @Option({ flags: '--dry-run', description: 'show the files it would create or change, write nothing' })
  parseDryRun() {
    return true;
  }
}

@Command({
  name: 'new',
  description: 'Scaffold: `new plugin <name>` creates a plugin (see README, "Writing a plugin"); `new instrument <name>` a progression instrument',
  subCommands: [NewPluginCommand, NewInstrumentCommand],
})
export class NewCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.outputHelp();
  }
}
