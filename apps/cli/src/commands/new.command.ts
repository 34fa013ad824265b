import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { runPluginGenerator, type NewPluginOptions } from './new-plugin.js';

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

@Command({ name: 'new', description: 'Scaffold: `new plugin <name>` creates a plugin (see README, "Writing a plugin")', subCommands: [NewPluginCommand] })
export class NewCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.outputHelp();
  }
}
